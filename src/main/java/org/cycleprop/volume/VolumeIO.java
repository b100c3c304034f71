package org.cycleprop.volume;

import org.cycleprop.util.UserException;

import java.nio.file.Path;
import java.util.Locale;

/** Reads and writes volumes, choosing the format from the file name: .nii, .nii.gz, .tif or .tiff. */
public final class VolumeIO {
    private VolumeIO() {
    }

    /** The file formats CycleProp reads and writes. */
    public enum Format { NIFTI, TIFF }

    /** The format for {@code path}'s extension (case-insensitive). */
    public static Format formatOf(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return Format.NIFTI;
        if (name.endsWith(".tif") || name.endsWith(".tiff")) return Format.TIFF;
        throw new UserException(path + ": unsupported file type; use .nii, .nii.gz, .tif or .tiff");
    }

    public static Volume read(Path path) {
        return formatOf(path) == Format.NIFTI ? NiftiReader.read(path) : TiffStackFile.read(path);
    }

    /** Writes {@code volume}; an existing file is replaced only if {@code force}. */
    public static void write(Volume volume, Path path, boolean force) {
        if (formatOf(path) == Format.NIFTI) NiftiWriter.write(volume, path, force);
        else TiffStackFile.write(volume, path, force);
    }
}
