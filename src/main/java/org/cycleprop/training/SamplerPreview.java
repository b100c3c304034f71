package org.cycleprop.training;

import org.cycleprop.util.UserException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PNG grid of 8 triplets (one per row, frames left to right; target outlined in red, second object in
 * green) so a person can see what the training samplers make. Uses an in-memory {@link PhantomVolume}.
 * <pre>
 * SamplerPreview [--synthetic] [--seed N] [--resolution R] [--max-jump J] [--force] OUTPUT.png
 * </pre>
 */
public final class SamplerPreview {
    private static final int ROWS = 8;
    private static final int GAP = 4;

    private SamplerPreview() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (UserException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) {
        boolean synthetic = false;
        boolean force = false;
        long seed = 1;
        int resolution = 128;
        int maxJump = 3;
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--synthetic" -> synthetic = true;
                case "--force" -> force = true;
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--resolution" -> resolution = Integer.parseInt(value(args, ++i, "--resolution"));
                case "--max-jump" -> maxJump = Integer.parseInt(value(args, ++i, "--max-jump"));
                default -> {
                    if (args[i].startsWith("--")) throw new UserException("unknown option " + args[i]);
                    output = Path.of(args[i]);
                }
            }
        }
        if (output == null) throw new UserException("missing OUTPUT.png argument");
        if (Files.exists(output) && !force) {
            throw new UserException(output + ": already exists (use --force to overwrite)");
        }
        TrainingVolume phantom = PhantomVolume.create("phantom", 160, 140, 48, seed);
        List<Triplet> triplets = new ArrayList<>();
        if (synthetic) {
            SyntheticSequences sequences = new SyntheticSequences(List.of(phantom), resolution, seed);
            for (int i = 0; i < ROWS; i++) triplets.add(sequences.next());
        } else {
            TripletSampler sampler = new TripletSampler(List.of(phantom), resolution, seed);
            for (int i = 0; i < ROWS; i++) triplets.add(sampler.next(maxJump));
        }
        for (int i = 0; i < triplets.size(); i++) System.out.println("row " + i + ": " + triplets.get(i));
        write(render(triplets), output);
        System.out.println("wrote " + output);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new UserException(option + " needs a value");
        return args[i];
    }

    static BufferedImage render(List<Triplet> triplets) {
        int r = triplets.get(0).resolution();
        int frames = triplets.get(0).frames();
        int width = frames * r + (frames + 1) * GAP;
        int height = triplets.size() * r + (triplets.size() + 1) * GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < triplets.size(); row++) {
            Triplet t = triplets.get(row);
            for (int f = 0; f < t.frames(); f++) {
                int ox = GAP + f * (r + GAP);
                int oy = GAP + row * (r + GAP);
                for (int y = 0; y < r; y++) {
                    for (int x = 0; x < r; x++) {
                        int i = x + y * r;
                        int grey = Math.round(255 * Math.max(0, Math.min(1, t.images()[f][i])));
                        int rgb = grey << 16 | grey << 8 | grey;
                        if (onEdge(t.masks()[f], r, x, y)) rgb = 0xff3030;
                        else if (onEdge(t.others()[f], r, x, y)) rgb = 0x30ff30;
                        out.setRGB(ox + x, oy + y, rgb);
                    }
                }
            }
        }
        return out;
    }

    /** A mask pixel with a 4-neighbour outside the mask (or on the window border). */
    private static boolean onEdge(float[] mask, int r, int x, int y) {
        if (mask[x + y * r] == 0) return false;
        return x == 0 || y == 0 || x == r - 1 || y == r - 1 || mask[x - 1 + y * r] == 0 || mask[x + 1 + y * r] == 0
                || mask[x + (y - 1) * r] == 0 || mask[x + (y + 1) * r] == 0;
    }

    private static void write(BufferedImage image, Path output) {
        Path folder = output.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".preview-", ".png");
            if (!ImageIO.write(image, "png", temp.toFile())) throw new IOException("no PNG writer");
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException(output + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            try {
                if (temp != null) Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file is only left behind if the folder became unwritable meanwhile
            }
        }
    }
}
