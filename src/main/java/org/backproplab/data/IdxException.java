package org.backproplab.data;

import java.io.IOException;

/** An idx (MNIST) file that cannot become a data set; the message names the file and the field. */
public final class IdxException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxException(String message) {
        super(message);
    }

    public IdxException(String message, Throwable cause) {
        super(message, cause);
    }
}
