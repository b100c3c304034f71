#!/usr/bin/env python3
"""Copies benchmark means into the models' metadata: for every models/NAME.json and every finished benchmark
folder EVAL/SET-AXIS-NAME (structures.csv + summary.md, as `cycleprop benchmark` writes them) sets
scores["SET_AXIS_J" / "_F" / "_JF" / "_DSC" / "_structures"] in percent, one decimal, the way the benchmark
prints them. The weights' SHA-256 is not touched (scores are not part of it).
Usage: experiments/record_scores.py EVAL_DIR [MODELS_DIR]"""
import csv, json, math, os, sys

def means(folder):
    with open(os.path.join(folder, "structures.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    scored = [r for r in rows if int(r["evaluated_slices"]) > 0]
    mean = lambda key, rs: sum(float(r[key]) for r in rs) / len(rs) if rs else float("nan")
    return {"J": mean("J", scored), "F": mean("F", scored), "JF": mean("JF", scored), "DSC": mean("DSC", rows),
            "structures": len(rows)}

def main():
    eval_dir = sys.argv[1]
    models = sys.argv[2] if len(sys.argv) > 2 else "models"
    for name in sorted(f[:-5] for f in os.listdir(models) if f.endswith(".json")):
        path = os.path.join(models, name + ".json")
        with open(path) as f:
            info = json.load(f)
        scores = info.get("scores") or {}
        changed = []
        for folder in sorted(os.listdir(eval_dir)):
            parts = folder.split("-", 2)
            if len(parts) != 3 or parts[2] != name:
                continue
            full = os.path.join(eval_dir, folder)
            if not (os.path.isfile(os.path.join(full, "summary.md")) and os.path.isfile(os.path.join(full, "structures.csv"))):
                continue
            for key, value in means(full).items():
                v = float(value) if key == "structures" else round(100 * value, 1)
                if not (isinstance(v, float) and math.isnan(v)):
                    scores[f"{parts[0]}_{parts[1]}_{key}"] = v
            changed.append(folder)
        if changed:
            info["scores"] = scores
            with open(path, "w") as f:
                json.dump(info, f, indent=2)
                f.write("\n")
            print(f"{path}: {', '.join(changed)}")

if __name__ == "__main__":
    main()
