package org.backproplab.ui.graph;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Draws straight edges as anti-aliased bands into an image of its own (screen pixels, premultiplied ARGB), for the
 * canvas to draw as one image: a dense layer (320 edges for 32 → 10) then costs the renderer one image instead of
 * stroking hundreds of long paths (with anti-aliasing, the software renderer's stroke of the digits graph took about
 * twice as long as everything else in the graph together).
 *
 * <p>An edge from (x1, y1) to (x2, y2) of width {@code w} covers the points within {@code w / 2} of the segment
 * between its two ends. It is walked one pixel at a time along its longer axis; at each step the band across the
 * shorter axis is {@code w · L / |Δ major|} long ({@code L} the edge's length), and a pixel is covered by the part of
 * it inside the band (and inside the edge's ends): that fraction times the edge's opacity is composited over what is
 * drawn already (source over, in the order drawn). A dashed edge starts with a dash at (x1, y1) and repeats
 * {@code dash} on, {@code gap} off along its length.
 *
 * <p>Two images take turns: the renderer may still read the previous one while the next is written (on the FX
 * thread, or by {@link #draw} on another; {@link #finish} on the FX thread).
 * Each image is backed by its own array of premultiplied ARGB pixels ({@link PixelBuffer}), the format the software
 * renderer keeps its textures in, so handing a drawing over is a plain copy (bytes in BGRA order were converted pixel
 * by pixel).
 */
final class EdgeRaster {
    private final int[][] buffers = new int[2][];
    private final WritableImage[] images = new WritableImage[2];
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] pixelBuffers = new PixelBuffer[2];
    private int next;
    /** The pixels being drawn: alpha, red, green, blue (premultiplied), one int each, row by row. */
    private int[] pixels = new int[0];
    private int left;
    private int top;
    private int width;
    private int height;

    /** The plan drawn last ({@link #draw}), or null. */
    private EdgePainter.Plan drawn;

    /**
     * Draws {@code plan}'s bands on a transparent image of its box; {@link #finish} then hands the image over. May run
     * on another thread than the FX thread, one drawing at a time, none while {@link #finish} runs.
     */
    void draw(EdgePainter.Plan plan) {
        begin(plan.left(), plan.top(), plan.width(), plan.height());
        for (EdgePainter.Band b : plan.bands()) {
            line(b.x1(), b.y1(), b.x2(), b.y2(), b.width(), b.color(), b.alpha(), b.dash(), b.gap());
        }
        drawn = plan;
    }

    /** @return true if the drawing not yet handed over is of {@code plan} (equal bands in the same box) */
    boolean holds(EdgePainter.Plan plan) {
        return plan.equals(drawn);
    }

    /**
     * Starts a drawing on a transparent image covering the box {@code [left, left + width) × [top, top + height)}
     * of the screen.
     */
    void begin(int left, int top, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("edge raster box " + width + "×" + height + ": expected at least 1×1 px");
        }
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        if (images[next] == null || images[next].getWidth() != width || images[next].getHeight() != height) {
            buffers[next] = new int[width * height];
            pixelBuffers[next] = new PixelBuffer<>(width, height, IntBuffer.wrap(buffers[next]),
                    PixelFormat.getIntArgbPreInstance());
            images[next] = new WritableImage(pixelBuffers[next]);
        } else {
            Arrays.fill(buffers[next], 0);
        }
        pixels = buffers[next];
    }

    /** @return the left edge of the box drawn in (screen px) */
    int left() {
        return left;
    }

    /** @return the top edge of the box drawn in (screen px) */
    int top() {
        return top;
    }

    /**
     * Composites one edge (screen pixels) over what is drawn: colour {@code c} (its own opacity ignored) at opacity
     * {@code alpha}; dashed when {@code dash > 0}.
     */
    void line(double x1, double y1, double x2, double y2, double w, Color c, double alpha, double dash, double gap) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.hypot(dx, dy);
        if (!(length > 1e-9) || !(w > 0) || !(alpha > 0)) {
            return;
        }
        boolean xMajor = Math.abs(dx) >= Math.abs(dy);
        // u along the longer axis, v along the shorter one
        double u1 = xMajor ? x1 - left : y1 - top;
        double v1 = xMajor ? y1 - top : x1 - left;
        double du = xMajor ? dx : dy;
        double dv = xMajor ? dy : dx;
        int uSize = xMajor ? width : height;
        int vSize = xMajor ? height : width;
        double slope = dv / du;
        double perU = length / Math.abs(du); // length along the edge per pixel along u
        double half = w / 2 * perU;
        double ua = Math.min(u1, u1 + du);
        double ub = Math.max(u1, u1 + du);
        double period = dash + gap;
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        int full = (int) (Math.min(1, alpha) * 255 + 0.5);
        int from = Math.max(0, (int) Math.floor(ua));
        int to = Math.min(uSize - 1, (int) Math.ceil(ub) - 1);
        for (int iu = from; iu <= to; iu++) {
            double ends = Math.min(iu + 1, ub) - Math.max(iu, ua);
            if (ends <= 0) {
                continue;
            }
            double cu = Math.min(ub, Math.max(ua, iu + 0.5));
            if (dash > 0 && Math.abs(cu - u1) * perU % period >= dash) {
                continue;
            }
            double cv = v1 + (cu - u1) * slope;
            double va = cv - half;
            double vb = cv + half;
            int vFrom = Math.max(0, (int) Math.floor(va));
            int vTo = Math.min(vSize - 1, (int) Math.ceil(vb) - 1);
            int step = xMajor ? width : 1;
            int p = xMajor ? vFrom * width + iu : iu * width + vFrom;
            for (int iv = vFrom; iv <= vTo; iv++, p += step) {
                double cover = (Math.min(iv + 1, vb) - Math.max(iv, va)) * ends;
                blend(p, cover >= 1 ? full : (int) (alpha * cover * 255 + 0.5), r, g, b);
            }
        }
    }

    /** Source over: {@code (r, g, b)} (0–255) at opacity {@code sa} (0–255) over pixel {@code p}. */
    private void blend(int p, int sa, int r, int g, int b) {
        if (sa <= 0) {
            return;
        }
        int d = pixels[p];
        int keep = 255 - sa;
        int a = sa + div255((d >>> 24) * keep);
        int red = div255(r * sa) + div255(((d >> 16) & 0xff) * keep);
        int green = div255(g * sa) + div255(((d >> 8) & 0xff) * keep);
        int blue = div255(b * sa) + div255((d & 0xff) * keep);
        pixels[p] = a << 24 | red << 16 | green << 8 | blue;
    }

    /** @return {@code x / 255} rounded, for {@code 0 ≤ x ≤ 255²} */
    private static int div255(int x) {
        int y = x + 128;
        return (y + (y >>> 8)) >>> 8;
    }

    /** @return the drawing as an image of the box's size, to be drawn at ({@link #left}, {@link #top}) */
    WritableImage finish() {
        int done = next;
        next = 1 - next;
        drawn = null;
        pixelBuffers[done].updateBuffer(b -> null); // the whole image changed
        return images[done];
    }
}
