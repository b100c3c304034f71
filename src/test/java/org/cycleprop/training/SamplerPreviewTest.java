package org.cycleprop.training;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerPreviewTest {

    @Test
    void writesAGridOfEightTripletsAndKeepsExistingFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("preview.png");
        SamplerPreview.run(new String[] {"--resolution", "32", out.toString()});
        BufferedImage image = ImageIO.read(out.toFile());
        // 3 frames and 8 rows of 32 px with 4-px gaps around them
        assertEquals(3 * 32 + 4 * 4, image.getWidth());
        assertEquals(8 * 32 + 9 * 4, image.getHeight());
        long size = Files.size(out);
        UserException e = assertThrows(UserException.class,
                () -> SamplerPreview.run(new String[] {"--synthetic", "--resolution", "32", out.toString()}));
        assertTrue(e.getMessage().contains("preview.png"), e.getMessage());
        assertEquals(size, Files.size(out));
        SamplerPreview.run(new String[] {"--synthetic", "--force", "--resolution", "32", out.toString()});
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
