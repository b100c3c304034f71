// batch_propagate_folder.ijm: propagate every volume of a folder from its seed label file, with CycleProp.
//
// For each volume NAME.tif in the input folder that has a seed label file beside it (NAME_seeds.tif, or
// NAME_seeds.nii / NAME_seeds.nii.gz with volumes NAME.nii / NAME.nii.gz where Fiji can open NIfTI), the macro
// opens both, propagates the seeds (every non-empty slice of the seed file is a seed slice; each label value
// is one object and keeps its value), saves the label image as OUTPUT/NAME_labels.tif and appends a line
// "name,slices,seconds" to OUTPUT/timings.csv. Volumes without seeds, and results that already exist,
// are skipped (and said so in the Log).
// Arguments (all optional; asked for when missing): "INPUT_FOLDER|OUTPUT_FOLDER|MODEL", where MODEL is a
// trained model NAME.json or one of the baselines copy / interpolate, e.g.
//   runMacro("batch_propagate_folder.ijm", "/data/ct|/data/ct-out|/home/me/models/small-cycle.json");

args = split(getArgument(), "|");
input = "";  output = "";  model = "";
if (args.length > 0) input = args[0];
if (args.length > 1) output = args[1];
if (args.length > 2) model = args[2];
if (input == "") input = getDirectory("Folder with the volumes and their NAME_seeds files");
if (output == "") output = getDirectory("Folder for the label images");
if (model == "") model = File.openDialog("Trained model (NAME.json)");
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
method = "model";
if (model == "copy" || model == "interpolate") { method = model; model = ""; }

timings = output + "timings.csv";
if (!File.exists(timings)) File.saveString("name,slices,seconds\n", timings);
setBatchMode(true);
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
    name = baseName(files[i]);
    if (name == "" || endsWith(name, "_seeds")) continue;
    seeds = seedFile(input, name);
    if (seeds == "") { print("skipped " + files[i] + ": no " + name + "_seeds file"); continue; }
    result = output + name + "_labels.tif";
    if (File.exists(result)) { print("skipped " + files[i] + ": " + result + " exists"); continue; }
    open(input + files[i]);
    image = getTitle();
    open(seeds);
    seedTitle = getTitle();
    selectImage(image);
    start = getTime();
    run("Propagate Segmentation...", "method=" + method + " model=[" + model + "] seeds=[Label image] seed_image=["
        + seedTitle + "] axis=Z first_slice=0 last_slice=0 device=auto refine=None");
    seconds = (getTime() - start) / 1000;
    saveAs("Tiff", result);
    File.append(name + "," + nSlices + "," + d2s(seconds, 3), timings);
    print(name + ": " + result + " in " + d2s(seconds, 2) + " s");
    close("*");
    done++;
}
setBatchMode(false);
print("CycleProp batch: " + done + " volume(s) propagated; timings in " + timings);

// NAME of an image file NAME.tif / NAME.tiff / NAME.nii / NAME.nii.gz, or "" for other files
function baseName(file) {
    lower = toLowerCase(file);
    extensions = newArray(".nii.gz", ".nii", ".tiff", ".tif");
    for (e = 0; e < extensions.length; e++) {
        if (endsWith(lower, extensions[e])) return substring(file, 0, lengthOf(file) - lengthOf(extensions[e]));
    }
    return "";
}

// the seed file of NAME in folder, or ""
function seedFile(folder, name) {
    extensions = newArray(".tif", ".tiff", ".nii.gz", ".nii");
    for (e = 0; e < extensions.length; e++) {
        if (File.exists(folder + name + "_seeds" + extensions[e])) return folder + name + "_seeds" + extensions[e];
    }
    return "";
}
