package org.backproplab.engine;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A read-only view of a matrix's rows: every read works, every write ({@code setEntry}, {@code addToEntry},
 * {@code multiplyEntry}, {@code setRow}, {@code setSubMatrix} ...) throws {@link UnsupportedOperationException}.
 * {@link #getData()} and {@link #copy()} return writable copies. Published snapshots hand out their matrices
 * through this view, so nobody can change what another thread reads.
 */
public final class ReadOnlyMatrix extends AbstractRealMatrix {
    private final double[][] rows;
    private final int columns;

    /** Wraps {@code rows} without copying: the caller must never change them again. */
    private ReadOnlyMatrix(double[][] rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * @return a read-only copy of {@code m}, or {@code m} itself if it already is one, or null for null
     */
    public static RealMatrix of(RealMatrix m) {
        if (m == null || m instanceof ReadOnlyMatrix) {
            return m;
        }
        return new ReadOnlyMatrix(m.getData(), m.getColumnDimension());
    }

    /** @return a read-only matrix over {@code rows} itself, which nobody may change afterwards (engine use only) */
    static ReadOnlyMatrix wrap(double[][] rows) {
        return new ReadOnlyMatrix(rows, rows.length == 0 ? 0 : rows[0].length);
    }

    @Override
    public int getRowDimension() {
        return rows.length;
    }

    @Override
    public int getColumnDimension() {
        return columns;
    }

    @Override
    public double getEntry(int row, int column) {
        return rows[row][column];
    }

    @Override
    public double[][] getData() {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    @Override
    public double[] getRow(int row) {
        return rows[row].clone();
    }

    @Override
    public RealMatrix copy() {
        return new Array2DRowRealMatrix(getData(), false);
    }

    @Override
    public RealMatrix createMatrix(int rowDimension, int columnDimension) {
        return new Array2DRowRealMatrix(rowDimension, columnDimension);
    }

    @Override
    public void setEntry(int row, int column, double value) {
        throw refused();
    }

    @Override
    public void addToEntry(int row, int column, double increment) {
        throw refused();
    }

    @Override
    public void multiplyEntry(int row, int column, double factor) {
        throw refused();
    }

    @Override
    public void setSubMatrix(double[][] subMatrix, int row, int column) {
        throw refused();
    }

    @Override
    public void setRow(int row, double[] array) {
        throw refused();
    }

    @Override
    public void setColumn(int column, double[] array) {
        throw refused();
    }

    @Override
    public void setRowMatrix(int row, RealMatrix matrix) {
        throw refused();
    }

    @Override
    public void setColumnMatrix(int column, RealMatrix matrix) {
        throw refused();
    }

    @Override
    public void setRowVector(int row, org.apache.commons.math3.linear.RealVector vector) {
        throw refused();
    }

    @Override
    public void setColumnVector(int column, org.apache.commons.math3.linear.RealVector vector) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("this matrix belongs to a published snapshot and is read-only: "
                + "copy() it to change a copy, or send an edit command to the session");
    }
}
