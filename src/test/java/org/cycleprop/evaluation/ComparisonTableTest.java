package org.cycleprop.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTableTest {
    private static MeanScore score(double j, double f, double dsc) {
        return new MeanScore(j, f, (j + f) / 2, dsc, 1, 1);
    }

    @Test
    void seedsBecomeMeanAndHalfRange() {
        ComparisonTable t = new ComparisonTable();
        t.add("copy", "seen z", score(0.40, 0.60, 0.10));
        t.add("cycle", "seen z", score(0.50, 0.70, 0.30));
        t.add("cycle", "seen z", score(0.60, 0.70, 0.40));
        // cycle: J mean 55.0, half-range 5.0; J&F = (0.5+0.7)/2 = 60.0 and (0.6+0.7)/2 = 65.0 → 62.5 ± 2.5
        assertEquals("55.0 ± 5.0", ComparisonTable.cell(t.scores("cycle", "seen z"), 0));
        assertEquals("62.5 ± 2.5", ComparisonTable.cell(t.scores("cycle", "seen z"), 2));
        String md = t.markdown();
        assertTrue(md.contains("| copy | 1 | 40.0 | 60.0 | 50.0 | 10.0 |"), md);
        assertTrue(md.contains("| cycle | 2 | 55.0 ± 5.0 | 70.0 ± 0.0 | 62.5 ± 2.5 | 35.0 ± 5.0 |"), md);
        assertEquals("–", ComparisonTable.cell(List.of(), 0));
    }

    @Test
    void aCellWithFewerSeedsThanItsRowSaysSo() {
        ComparisonTable t = new ComparisonTable();
        t.add("cycle", "seen z", score(0.50, 0.70, 0.30));
        t.add("cycle", "seen z", score(0.60, 0.70, 0.40));
        t.add("cycle", "seen x", score(0.40, 0.60, 0.20));
        String md = t.markdown();
        assertTrue(md.contains("| cycle | 2 | 55.0 ± 5.0 | 70.0 ± 0.0 | 62.5 ± 2.5 | 35.0 ± 5.0 | 40.0 (1 seed) | 60.0 | 50.0 (1 seed) | 20.0 |"), md);
    }
}
