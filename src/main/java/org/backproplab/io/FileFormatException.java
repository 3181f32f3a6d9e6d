package org.backproplab.io;

import java.io.IOException;

/**
 * A Backprop Lab file that cannot be read: not JSON, the wrong format, a missing field, a wrong shape, an
 * unknown name, a number that is not finite or a size beyond the limits. The message names the source,
 * the JSON field path and what was wrong, e.g.
 * {@code net.json: weights[1][2][0]: expected a finite number, found "NaN"}.
 */
public class FileFormatException extends IOException {
    private final String field;

    /**
     * @param source  the file name or other source of the text
     * @param field   the JSON path of the offending field, e.g. {@code training.learningRate}; empty for the
     *                whole document
     * @param problem what was wrong
     */
    public FileFormatException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.field = field;
    }

    /** @return the JSON path of the offending field, or an empty string for the whole document */
    public String field() {
        return field;
    }
}
