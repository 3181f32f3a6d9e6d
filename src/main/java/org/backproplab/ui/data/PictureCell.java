package org.backproplab.ui.data;

import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.backproplab.data.ImageInput;
import org.backproplab.ui.common.InkImage;

/**
 * A table cell showing a sample's inputs as the picture they are ({@link ImageInput}: digits, MNIST): each input a
 * block of whole pixels in its grey ({@link InkImage}), as large as fits the row's height (8×8 inputs: 3 px each in a
 * row 2 fonts high); never resampled.
 */
final class PictureCell extends TableCell<SampleRow, double[]> {
    private final Supplier<ImageInput> image;
    private final ImageView view = new ImageView();

    /** @param image how the inputs are an image, asked at each update (the data set may change) */
    PictureCell(Supplier<ImageInput> image) {
        this.image = image;
        getStyleClass().add("picture-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        view.setSmooth(false);
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
            return;
        }
        view.setImage(picture(in, x, getFont().getSize()));
        setGraphic(view);
    }

    /**
     * @param fontPx the table's font size: the picture is at most {@code 1.7} fonts high, each input at least 1 px
     * @return the inputs {@code x} as {@link InkImage#blocks} of the largest whole side that fits
     */
    static Image picture(ImageInput in, double[] x, double fontPx) {
        int cell = Math.max(1, (int) Math.floor(1.7 * fontPx / in.rows()));
        return InkImage.blocks(in.ink(x), in.rows(), in.cols(), cell);
    }
}
