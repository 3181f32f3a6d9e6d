package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backproplab.data.CsvImport;
import org.backproplab.data.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data set with predictions, written and read back. */
class CsvExportTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerSampleWithPredictionsLossAndSplit() throws Exception {
        var d = Presets.get("xor").dataset();
        var yHat = MatrixUtils.createRealMatrix(new double[][] {{0.1}, {0.8}, {0.7}, {0.2}});
        double[] loss = {0.01, 0.04, 0.09, 0.04};
        Path f = dir.resolve("out.csv");
        CsvExport.write(f, d, yHat, loss, new int[] {2});
        List<String> lines = Files.readAllLines(f);
        assertEquals("label,x1,x2,x3,y,yhat_y,loss,set", lines.get(0));
        assertEquals("1 xor 0,1.0,0.0,1.0,1.0,0.7,0.09,test", lines.get(3));
        assertEquals("0 xor 0,0.0,0.0,1.0,0.0,0.1,0.01,train", lines.get(1));
        CsvImport.Table back = CsvImport.read(f);
        assertEquals(4, back.rows().size(), "the export reads back as a data set");
        assertEquals(0.8, CsvImport.toDataset(back, List.of(1, 2, 3), List.of(5), 0, false).dataset().target(1, 0));
    }

    @Test
    void refusesPredictionsOfAnotherShape() {
        var d = Presets.get("xor").dataset();
        assertThrows(IllegalArgumentException.class, () -> CsvExport.toCsv(d,
                MatrixUtils.createRealMatrix(new double[][] {{0.1}}), new double[] {0}, new int[0]));
    }
}
