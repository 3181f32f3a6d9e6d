package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** The window's formatting and the speed slider's scale, without a window. */
class MainViewModelTest {
    @Test
    void speedSliderIsLogarithmicFromOneToMax() {
        assertEquals(1.0, MainViewModel.speedForSlider(0));
        assertEquals(10.0, MainViewModel.speedForSlider(1));
        assertEquals(100.0, MainViewModel.speedForSlider(2));
        assertEquals(31623.0, MainViewModel.speedForSlider(4.5));
        assertEquals(TrainingSession.MAX_SPEED, MainViewModel.speedForSlider(MainViewModel.SPEED_SLIDER_MAX));
        assertTrue(MainViewModel.speedForSlider(MainViewModel.SPEED_SLIDER_MAX - 0.01) < 1e6);
        assertEquals(2.0, MainViewModel.sliderForSpeed(100), 1e-12);
        assertEquals(MainViewModel.SPEED_SLIDER_MAX, MainViewModel.sliderForSpeed(TrainingSession.MAX_SPEED));
        assertEquals("max", MainViewModel.speedLabel(TrainingSession.MAX_SPEED));
        assertEquals("1,000 it/s", MainViewModel.speedLabel(1000));
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
