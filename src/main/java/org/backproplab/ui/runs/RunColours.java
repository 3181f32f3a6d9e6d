package org.backproplab.ui.runs;

import javafx.scene.paint.Color;
import org.backproplab.ui.Theme;

/**
 * The colour of each run's loss curve, the same in the chart, its legend and the runs table, whichever run is on
 * show: run 1 in the theme's series colour, the others from a palette that colour-blind eyes tell apart
 * (Okabe and Ito), in turn.
 */
public final class RunColours {
    private static final Color[] OTHERS = {
            Color.web("#009e73"), Color.web("#cc79a7"), Color.web("#d55e00"), Color.web("#e69f00"),
            Color.web("#56b4e9"), Color.web("#7f7f7f"), Color.web("#8c564b")};

    private RunColours() {
    }

    /** @return the colour of run {@code number} (1, 2 …) in {@code theme} */
    public static Color of(int number, Theme theme) {
        return number <= 1 ? theme.series() : OTHERS[(number - 2) % OTHERS.length];
    }
}
