package org.backproplab.data;

/** A CSV file that cannot become a data set; the message names the row, the column and the value. */
public final class CsvImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public CsvImportException(String message) {
        super(message);
    }

    public CsvImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
