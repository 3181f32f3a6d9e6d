package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** The window's formatting and the speed slider's stops, without a window. */
class MainViewModelTest {
    @Test
    void theSpeedSliderStopsAtTheSpeedsATeacherNames() {
        double[] named = {1, 2, 5, 10, 100, 1000, TrainingSession.MAX_SPEED};
        String[] labels = {"1 it/s", "2 it/s", "5 it/s", "10 it/s", "100 it/s", "1,000 it/s", "max"};
        assertEquals(named.length - 1, MainViewModel.SPEED_SLIDER_MAX);
        for (int i = 0; i < named.length; i++) {
            assertEquals(named[i], MainViewModel.speedForSlider(i), "stop " + i);
            assertEquals(named[i], MainViewModel.speedForSlider(i + 0.4), "a drag between stops takes the nearest");
            assertEquals(i, MainViewModel.sliderForSpeed(named[i]), 0.0);
            assertEquals(labels[i], MainViewModel.speedLabel(named[i]));
        }
        assertEquals(4, MainViewModel.sliderForSpeed(MainViewModel.DEFAULT_SPEED), 0.0);
        assertEquals(4, MainViewModel.sliderForSpeed(150), 0.0, "the nearest on a log scale");
        assertEquals(5, MainViewModel.sliderForSpeed(500), 0.0);
        assertTrue(MainViewModel.speedForSlider(-1) == 1 && Double.isInfinite(MainViewModel.speedForSlider(99)));
    }

    @Test
    void numbersReadShortAndExact() {
        assertEquals("Loss 0.01234", MainViewModel.lossLabel(0.012341));
        assertEquals("Loss 1.341", MainViewModel.lossLabel(1.3407));
        assertEquals("Loss 3.21e−5", MainViewModel.lossLabel(3.21e-5));
        assertEquals("Loss 0", MainViewModel.lossLabel(0));
        assertEquals("Loss NaN (diverged)", MainViewModel.lossLabel(Double.NaN));
        assertEquals("Loss ∞ (diverged)", MainViewModel.lossLabel(Double.POSITIVE_INFINITY));
        assertEquals("Loss 1.5e150", MainViewModel.lossLabel(1.5e150), "after a divergence: short, not 150 digits");
        assertEquals("1", MainViewModel.formatNumber(1.0));
        assertEquals("0.5", MainViewModel.formatNumber(0.5));
        assertEquals("0.001", MainViewModel.formatNumber(0.001));
    }
}
