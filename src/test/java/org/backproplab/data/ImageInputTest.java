package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

/** A drawing becomes the inputs the way the training images were made. */
class ImageInputTest {
    private static final double EXACT = 1e-12;

    /** Ink in three blocks of the 32×32 pad: 8 pixels in block (1,1), 16 in block (2,2), 1 in block (8,8). */
    private static boolean[][] drawing() {
        boolean[][] ink = new boolean[32][32];
        for (int i = 0; i < 4; i++) {
            ink[i][0] = true;
            ink[i][1] = true;
        }
        for (int i = 4; i < 8; i++) {
            for (int j = 4; j < 8; j++) {
                ink[i][j] = true;
            }
        }
        ink[31][31] = true;
        return ink;
    }

    @Test
    void digitsDrawingIsCountedInFourByFourBlocksAndStandardisedWithTheTrainingRows() {
        Scenario digits = RealPresets.digits(3);
        ImageInput image = ImageInput.of(digits).orElseThrow();
        assertEquals(32, image.padRows());
        assertEquals(32, image.padCols());
        assertTrue(image.standardised());

        double[] x = image.fromDrawing(drawing());
        assertEquals(64, x.length);
        // The top-left pixel is blank in every UCI image (s = 0): only centred, and its mean is 0, so 8 stays 8.
        assertEquals(8.0, x[0], EXACT);
        // Pixel (2,2) = input 9, pixel (8,8) = input 63: (count − μ) / s over the preset's training rows.
        int[] train = StratifiedSplit.trainRows(RealData.DIGITS_COUNT, digits.testRows());
        double[][] raw = RealData.digits().x();
        assertEquals(standardised(16, raw, train, 9), x[9], EXACT);
        assertEquals(standardised(1, raw, train, 63), x[63], EXACT);
        // A blank block is (0 − μ) / s: the same as a training image's blank pixel.
        assertEquals(standardised(0, raw, train, 27), x[27], EXACT);
    }

    @Test
    void digitsInputsShownAsInkAreTheCountsOverSixteen() {
        Scenario digits = RealPresets.digits(3);
        ImageInput image = ImageInput.of(digits).orElseThrow();
        double[] row = digits.dataset().inputs().getRow(5);
        double[] ink = image.ink(row);
        double[] raw = RealData.digits().x()[5];
        for (int i = 0; i < 64; i++) {
            assertEquals(raw[i] / 16, ink[i], 1e-9, "pixel " + i);
        }
    }

    @Test
    void mnistFourteenByFourteenIsTheMeanInkOfTwoByTwoBlocksOfTwentyEight() {
        ImageInput image = ImageInput.of(mnist(14)).orElseThrow();
        assertEquals(28, image.padRows());
        assertFalse(image.standardised());
        boolean[][] ink = new boolean[28][28];
        ink[0][0] = true;
        ink[0][1] = true;
        ink[1][0] = true;
        ink[1][1] = true;
        ink[27][26] = true;
        double[] x = image.fromDrawing(ink);
        double[] expected = new double[196];
        expected[0] = 1.0;
        expected[195] = 0.25;
        assertArrayEquals(expected, x, EXACT);
        assertArrayEquals(expected, image.ink(x), EXACT);
    }

    @Test
    void mnistTwentyEightIsOneInputPerPixel() {
        ImageInput image = ImageInput.of(mnist(28)).orElseThrow();
        boolean[][] ink = new boolean[28][28];
        ink[2][3] = true;
        double[] x = image.fromDrawing(ink);
        assertEquals(1.0, x[2 * 28 + 3], EXACT);
        assertEquals(1.0, java.util.Arrays.stream(x).sum(), EXACT);
    }

    @Test
    void nonImageDataSetsHaveNoPad() {
        assertTrue(ImageInput.of(RealPresets.iris(1)).isEmpty());
        assertTrue(ImageInput.of(Presets.get("xor")).isEmpty());
    }

    private static double standardised(double count, double[][] raw, int[] train, int column) {
        double mean = 0;
        for (int r : train) {
            mean += raw[r][column];
        }
        mean /= train.length;
        double var = 0;
        for (int r : train) {
            var += (raw[r][column] - mean) * (raw[r][column] - mean);
        }
        double sd = Math.sqrt(var / train.length);
        assertTrue(sd > 0, "column " + column + " varies");
        return (count - mean) / sd;
    }

    static Scenario mnist(int side) {
        int n = side * side;
        double[][] x = new double[2][n];
        double[][] y = new double[2][10];
        y[0][3] = 1;
        y[1][7] = 1;
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Dataset d = new Dataset(MnistImport.pixelNames(side, side), classes, x, y, List.of(), null, List.of(), -1);
        return new Scenario("mnist", "test", d,
                List.of(new LayerSpec(4, Activation.TANH, true), new LayerSpec(10, Activation.SOFTMAX, true)),
                new TrainingConfig(Loss.CROSS_ENTROPY, 0.1, BatchMode.miniBatch(2), 0.0, true, Initializer.XAVIER, 1),
                10);
    }
}
