#!/usr/bin/env python3
"""Mean per-slice Jaccard by distance from the seed slice, for benchmark output folders.

Usage: experiments/jaccard_by_distance.py DIR [DIR ...]   (each DIR holds the benchmark's slices.csv)

A structure's seed slice is its row with seed = 1; every other slice where J is defined (truth or prediction
non-empty) counts at distance |slice - seed|. Shows where a method wins or loses against copying: right next to
the seed, or far from it.
"""
import collections
import csv
import sys

DISTANCES = [1, 2, 3, 5, 10, 20]


def by_distance(folder):
    with open(folder.rstrip("/") + "/slices.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    seeds = {r["label"]: int(r["slice"]) for r in rows if r["seed"] == "1"}
    values = collections.defaultdict(list)
    for r in rows:
        if r["J"] and r["label"] in seeds:
            values[abs(int(r["slice"]) - seeds[r["label"]])].append(float(r["J"]))
    return {d: sum(v) / len(v) for d, v in values.items()}


def main(folders):
    if not folders:
        sys.exit(__doc__.strip())
    print("%-28s" % "run" + "".join("%8s" % ("d=%d" % d) for d in DISTANCES))
    for folder in folders:
        means = by_distance(folder)
        cells = "".join("%8.3f" % means[d] if d in means else "%8s" % "-" for d in DISTANCES)
        print("%-28s" % folder.rstrip("/").split("/")[-1] + cells)


if __name__ == "__main__":
    main(sys.argv[1:])
