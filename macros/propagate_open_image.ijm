// propagate_open_image.ijm: segment the open 3D image from the outlines in the ROI Manager with CycleProp.
//
// Before running: open a 3D image (an 8-, 16- or 32-bit stack, one channel), draw the object on one or
// more slices and add each outline to the ROI Manager (press t). Outlines with the same name, or in the
// same ROI group, are one object; objects are numbered 1, 2, ... in ROI Manager order.
// Set `model` below to a trained model (NAME.json), or pass its path as the macro argument
// (runMacro("propagate_open_image.ijm", "/path/to/model.json")); without a model the `copy` baseline runs.
// Result: a new 16-bit label image "<title>-labels" (0 = background) with the image's calibration, and the
// outlines as an overlay on the image (its pixels are not changed).

model = "";                      // e.g. "/home/me/cycleprop/models/small-cycle.json"
axis = "Z";                      // ROI seeds lie on Z slices

if (getArgument() != "") model = getArgument();
if (nImages == 0) exit("Open a 3D image first.");
if (roiManager("count") == 0) exit("Add the seed outlines to the ROI Manager first (draw, then press t).");
method = "model";
if (model == "") method = "copy";
source = getTitle();
start = getTime();
run("Propagate Segmentation...", "method=" + method + " model=[" + model + "] seeds=[ROI Manager] seed_image=- axis="
    + axis + " first_slice=0 last_slice=0 device=auto refine=None overlay");
print("CycleProp: " + getTitle() + " from " + source + " (" + roiManager("count") + " ROIs, " + method + ") in "
    + d2s((getTime() - start) / 1000, 2) + " s");
