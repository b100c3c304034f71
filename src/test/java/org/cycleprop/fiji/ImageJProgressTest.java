package org.cycleprop.fiji;

import ij.IJ;
import org.cycleprop.util.Progress;
import org.junit.jupiter.api.Test;

import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ImageJ progress adapter: Esc (as ImageJ records it) and cancel() stop the work; updates reach the window. */
class ImageJProgressTest {

    @Test
    void escapeCancelsButOnlyWhenPressedDuringTheJob() {
        IJ.setKeyDown(KeyEvent.VK_ESCAPE); // an Esc from before the job ...
        ImageJProgress progress = new ImageJProgress("test", null);
        assertFalse(progress.isCancelled(), "... does not cancel it");
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertTrue(progress.isCancelled());
        assertThrows(Progress.Cancelled.class, progress::checkCancelled);
        IJ.resetEscape();
    }

    @Test
    void cancelStopsAndTheListenerSeesEveryUpdate() {
        List<String> seen = new ArrayList<>();
        ImageJProgress progress = new ImageJProgress("test", (done, total, message) -> seen.add(done + "/" + total + " " + message));
        progress.update(1, 4, "slice 3");
        progress.update(2, 4, null);
        assertEquals(List.of("1/4 slice 3", "2/4 null"), seen);
        assertFalse(progress.isCancelled());
        progress.cancel();
        assertThrows(Progress.Cancelled.class, progress::checkCancelled);
    }
}
