package org.cycleprop.model;

import org.cycleprop.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetTest {
    @Test
    void builtInPresetsAreFoundByName() {
        assertSame(Preset.PAPER, Preset.byName("paper"));
        assertSame(Preset.SMALL, Preset.byName(" Small "));
        assertSame(Preset.TINY, Preset.byName("TINY"));
    }

    @Test
    void unknownPresetNameIsAUserErrorListingTheKnownOnes() {
        UserException e = assertThrows(UserException.class, () -> Preset.byName("huge"));
        assertEquals("unknown preset 'huge' (known presets: paper, small, small-refined, tiny)", e.getMessage());
    }

    @Test
    void paperPresetIsThePublishedArchitecture() {
        Preset p = Preset.PAPER;
        assertEquals(3, p.imageChannels());
        assertEquals(TrunkKind.BOTTLENECK, p.keyTrunk().kind());
        assertEquals(List.of(3, 4, 6), p.keyTrunk().blocks());
        assertEquals(1024, p.keyTrunk().f16Channels());
        assertEquals(512, p.keyTrunk().f8Channels());
        assertEquals(256, p.keyTrunk().f4Channels());
        assertEquals(TrunkKind.BASIC, p.valueTrunk().kind());
        assertEquals(256, p.valueTrunk().f16Channels());
        assertEquals(5, p.valueInputChannels());
        assertEquals(64, p.keyChannels());
        assertEquals(512, p.valueChannels());
        assertEquals(1024, p.readoutChannels());
        assertEquals(NormKind.BATCH, p.norm());
        assertEquals(20, p.topK());
        assertEquals(5, p.memEvery());
    }

    @Test
    void groupsThatDoNotDivideATrunkWidthAreRejected() {
        TrunkSpec trunk = new TrunkSpec(TrunkKind.BASIC, 12, List.of(8, 16, 16), List.of(1, 1, 1), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preset("odd", 1, trunk,
                trunk, 16, 32, 16, List.of(32, 16, 16), 16, NormKind.GROUP, 8, 64, 20, 5, 0));
        assertTrue(e.getMessage().contains("8 normalisation groups do not divide 12 channels"), e.getMessage());
    }

    @Test
    void workingSizeMustBeAMultipleOf16() {
        assertThrows(IllegalArgumentException.class, () -> new Preset("odd", 1, Preset.TINY.keyTrunk(),
                Preset.TINY.valueTrunk(), 16, 32, 16, List.of(32, 16, 16), 16, NormKind.GROUP, 4, 72, 20, 5, 0));
    }

    @Test
    void firstDifferenceNamesTheField() {
        assertNull(Preset.TINY.firstDifference(Preset.TINY));
        Preset wider = new Preset("tiny", 1, Preset.TINY.keyTrunk(), Preset.TINY.valueTrunk(), 24, 32, 16,
                List.of(32, 16, 16), 16, NormKind.GROUP, 4, 64, 20, 5, 0);
        assertEquals("keyChannels: 16 vs 24", Preset.TINY.firstDifference(wider));
    }
}
