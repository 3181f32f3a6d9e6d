package org.backproplab.ui.files;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.backproplab.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Pictures for slides and handouts. Rendering happens on the FX thread (the chart and the graph belong to
 * it) into an immutable image or text; {@link Rendered#write} then writes it atomically on any thread.
 */
final class Exports {
    /** Size of exported chart images: 16:9 at 1600 × 900 (PNG) or the same in SVG units. */
    static final int CHART_WIDTH = 1600;
    static final int CHART_HEIGHT = 900;

    private Exports() {
    }

    /** Something rendered, ready to be written. */
    interface Rendered {
        void write(Path path) throws IOException;
    }

    /** Renders the loss chart as a PNG (FX thread). */
    static Rendered chartPng(JFreeChart chart) {
        BufferedImage img = chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT);
        return path -> png(img, path);
    }

    /** Renders the loss chart as SVG (FX thread). */
    static Rendered chartSvg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(CHART_WIDTH, CHART_HEIGHT);
        chart.draw(g, new Rectangle(CHART_WIDTH, CHART_HEIGHT));
        String svg = g.getSVGDocument();
        return path -> AtomicFiles.write(path, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Converts a snapshot of the network graph (FX thread). */
    static Rendered graphPng(WritableImage image) {
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        return path -> png(img, path);
    }

    /** @return the text written as UTF-8 */
    static Rendered text(String text) {
        return path -> AtomicFiles.writeString(path, text);
    }

    /** @return the text {@code make} gives, made when it is written (on the writer's thread), as UTF-8 */
    static Rendered later(java.util.function.Supplier<String> make) {
        return path -> AtomicFiles.writeString(path, make.get());
    }

    private static void png(BufferedImage img, Path path) throws IOException {
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }
}
