package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lecture mode's graph line says briefly why the selected sample is not on show: the caption names the one that is. */
class SampleOnShowNoteTest {
    @Test
    void theBriefNoteLeavesOutTheSampleShownInstead() {
        SampleOnShow away = new SampleOnShow(173, 1, new int[] {173, 5}, true,
                "“#1” is not in this batch: showing “#173”");
        assertEquals("“#1” is not in this batch", away.briefNote());
        SampleOnShow test = new SampleOnShow(0, 3, new int[] {0}, true,
                "“Frank” is not in this batch (a test row: never trained on): showing “Emily”");
        assertEquals("“Frank” is not in this batch (a test row: never trained on)", test.briefNote());
        assertEquals("", new SampleOnShow(1, 1, new int[] {1}, true, "").briefNote(), "nothing to say");
    }
}
