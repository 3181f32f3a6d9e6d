package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The loss history as CSV: with a penalty, its two terms follow the loss and the test loss. */
class LossCsvTest {
    @Test
    void withoutPenaltiesTheColumnsAreAsBefore() {
        assertEquals("iteration,loss,test_loss\n1,0.5,\n2,0.25,0.3\n",
                LossCsv.text(0, new double[] {0.5, 0.25}, new double[] {Double.NaN, 0.3}, null));
    }

    @Test
    void thePenaltyAndTheDataLossFollowWhereAPenaltyWasRecorded() {
        assertEquals("iteration,loss,test_loss,data_loss,penalty\n11,0.5,,,\n12,0.75,,0.5,0.25\n13,NaN,,,\n",
                LossCsv.text(10, new double[] {0.5, 0.75, Double.NaN}, null, new double[] {Double.NaN, 0.25, Double.NaN}));
    }

    @Test
    void arraysOfAnotherLengthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossCsv.text(0, new double[] {0.5, 0.25}, null, new double[] {0.1}));
        assertEquals("1 penalties for 2 losses", e.getMessage());
    }
}
