package org.cycleprop.propagation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PropagationPlanTest {
    @Test
    void oneSeedRunsBothWaysToTheEnds() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(4)), 0, 9);
        assertEquals(List.of(new PropagationPlan.Run(4, -1, 0), new PropagationPlan.Run(4, +1, 9)), plan.runs());
        assertEquals(9, plan.totalSteps()); // 4 slices below, 5 above
    }

    @Test
    void seedAtAnEndRunsOneWay() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(0)), 0, 5);
        assertEquals(List.of(new PropagationPlan.Run(0, +1, 5)), plan.runs());
    }

    @Test
    void stretchBetweenTwoSeedsRunsFromBothSides() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(2, 7)), 0, 9);
        assertEquals(List.of(new PropagationPlan.Run(2, -1, 0), new PropagationPlan.Run(2, +1, 6),
                new PropagationPlan.Run(7, -1, 3), new PropagationPlan.Run(7, +1, 9)), plan.runs());
    }

    @Test
    void adjacentSeedsLeaveNothingBetween() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(3, 4)), 3, 4);
        assertEquals(List.of(), plan.runs());
    }

    @Test
    void blendingWeightsFavourTheNearerSeed() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(2, 6)), 0, 9);
        assertEquals(0.0, plan.weightOfLowerSeed(0)); // only the lower seed's upward run never reaches below 2
        assertEquals(1.0, plan.weightOfLowerSeed(2));
        assertEquals(0.75, plan.weightOfLowerSeed(3)); // (6-3)/(6-2)
        assertEquals(0.5, plan.weightOfLowerSeed(4));
        assertEquals(0.25, plan.weightOfLowerSeed(5));
        assertEquals(1.0, plan.weightOfLowerSeed(6));
        assertEquals(1.0, plan.weightOfLowerSeed(9));
    }

    @Test
    void rangeRestrictsRunsAndNeedsASeedInside() {
        PropagationPlan plan = new PropagationPlan(new TreeSet<>(List.of(5)), 3, 6);
        assertEquals(List.of(new PropagationPlan.Run(5, -1, 3), new PropagationPlan.Run(5, +1, 6)), plan.runs());
        assertThrows(IllegalArgumentException.class, () -> new PropagationPlan(new TreeSet<>(List.of(1)), 3, 6));
    }
}
