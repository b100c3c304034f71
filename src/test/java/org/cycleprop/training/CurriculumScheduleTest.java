package org.cycleprop.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurriculumScheduleTest {

    @Test
    void growsMonotonicallyFromStartToMaxAtSixtyPercent() {
        CurriculumSchedule s = CurriculumSchedule.standard(1000, 8);
        assertEquals(2, s.maxJumpAt(0));
        int previous = s.maxJumpAt(0);
        for (long it = 1; it < 1000; it++) {
            int j = s.maxJumpAt(it);
            assertTrue(j >= previous, "decreased at " + it);
            assertTrue(j >= 2 && j <= 8);
            previous = j;
        }
        assertEquals(7, s.maxJumpAt(599));
        assertEquals(8, s.maxJumpAt(600));
        assertEquals(8, s.maxJumpAt(999));
        // six equal steps over the 600-iteration ramp: 2 until 100, 3 from 100, ...
        assertEquals(2, s.maxJumpAt(99));
        assertEquals(3, s.maxJumpAt(100));
        assertEquals(5, s.maxJumpAt(300));
    }

    @Test
    void smallMaxJumpStaysPut() {
        CurriculumSchedule s = CurriculumSchedule.standard(100, 1);
        for (long it = 0; it < 100; it++) assertEquals(1, s.maxJumpAt(it));
    }

    @Test
    void rejectsInvalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new CurriculumSchedule(100, 3, 2, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new CurriculumSchedule(100, 1, 2, 0));
    }
}
