package org.backproplab.ui.data;

import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.backproplab.data.ImageInput;
import org.backproplab.ui.common.InkImage;

/**
 * A table cell showing a sample's inputs as the picture they are ({@link ImageInput}: digits, MNIST): each input a
 * block of whole pixels in its grey ({@link InkImage}), as large as fits the row (8×8 inputs: 3 px each in a row 2
 * fonts high), in a grey frame that sets the paper apart from the row; never resampled. Hovering shows it large.
 */
final class PictureCell extends TableCell<SampleRow, double[]> {
    /** The side of an input's block in the picture shown on hover, px. */
    static final int PREVIEW_CELL = 14;
    private final Supplier<ImageInput> image;
    private final ImageView view = new ImageView();
    private final ImageView preview = new ImageView();
    private final Tooltip tip = new Tooltip();

    /** @param image how the inputs are an image, asked at each update (the data set may change) */
    PictureCell(Supplier<ImageInput> image) {
        this.image = image;
        getStyleClass().add("picture-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        view.setSmooth(false);
        preview.setSmooth(false);
        tip.setGraphic(preview);
        tip.setShowDelay(Duration.millis(300));
        tip.setOnShowing(e -> { // made when asked for: most pictures are never hovered
            ImageInput in = image.get();
            double[] x = getItem();
            preview.setImage(in == null || x == null || x.length != in.rows() * in.cols() ? null
                    : framed(in, x, PREVIEW_CELL));
        });
        fontProperty().addListener((o, was, is) -> show(getItem(), isEmpty())); // the zoom changed
    }

    @Override
    protected void updateItem(double[] x, boolean empty) {
        super.updateItem(x, empty);
        show(x, empty);
    }

    private void show(double[] x, boolean empty) {
        ImageInput in = image.get();
        if (empty || x == null || in == null || x.length != in.rows() * in.cols()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        view.setImage(picture(in, x, getFont().getSize()));
        setGraphic(view);
        tip.setText(getTableRow() == null || getTableRow().getItem() == null ? null
                : "Sample " + getTableRow().getItem().labelProperty().get());
        setTooltip(tip);
    }

    /**
     * @param fontPx the table's font size: the picture and its frame fit a row 2 fonts high with 2 px to spare, each
     *               input at least 1 px
     * @return the inputs {@code x} as {@link InkImage#blocks} of the largest whole side that fits, framed
     */
    static Image picture(ImageInput in, double[] x, double fontPx) {
        int cell = Math.max(1, (int) Math.floor((2 * fontPx - 4) / in.rows()));
        return framed(in, x, cell);
    }

    /** @return the inputs {@code x} as blocks of {@code cell} px, in a 1 px mid-grey frame */
    static Image framed(ImageInput in, double[] x, int cell) {
        Image blocks = InkImage.blocks(in.ink(x), in.rows(), in.cols(), cell);
        int w = (int) blocks.getWidth();
        int h = (int) blocks.getHeight();
        WritableImage framed = new WritableImage(w + 2, h + 2);
        PixelWriter px = framed.getPixelWriter();
        for (int i = 0; i < w + 2; i++) {
            px.setColor(i, 0, FRAME);
            px.setColor(i, h + 1, FRAME);
        }
        for (int j = 0; j < h + 2; j++) {
            px.setColor(0, j, FRAME);
            px.setColor(w + 1, j, FRAME);
        }
        px.setPixels(1, 1, w, h, blocks.getPixelReader(), 0, 0);
        return framed;
    }

    /** The frame around a picture: mid grey, seen on white paper, on a light row and on a dark one. */
    private static final Color FRAME = Color.gray(0.55);
}
