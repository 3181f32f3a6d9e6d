package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files, good and bad, read from real temporary files. */
class CsvImportTest {
    private static final double EXACT = 0.0;
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String refused(String text) throws IOException {
        Path p = file("bad.csv", text);
        return assertThrows(CsvImportException.class, () -> {
            CsvImport.Table t = CsvImport.read(p);
            CsvImport.toDataset(t, List.of(0, 1), List.of(2), -1, false);
        }).getMessage();
    }

    @Test
    void readsAGoodFileWithLabelsAndChosenColumns() throws Exception {
        CsvImport.Table t = CsvImport.read(file("people.csv",
                "name,weight,height,female\nAlice,-2,-1,1\nBob, 25 ,6,0\n\n\"Charlie\",17,4.5e0,0\n"));
        assertEquals(List.of("name", "weight", "height", "female"), t.header());
        assertEquals(3, t.rows().size(), "the empty line is skipped");
        CsvImport.Result r = CsvImport.toDataset(t, List.of(1, 2), List.of(3), 0, false);
        Dataset d = r.dataset();
        assertEquals(List.of("weight", "height"), d.inputNames());
        assertEquals(List.of("female"), d.targetNames());
        assertEquals(List.of("Alice", "Bob", "Charlie"), d.labels());
        assertArrayEquals(new double[] {25, 6}, d.inputs().getRow(1), EXACT);
        assertEquals(4.5, d.input(2, 1), EXACT);
        assertEquals(1.0, d.target(0, 0), EXACT);
        assertTrue(r.standardisation().isEmpty());
    }

    @Test
    void standardisesInputsToMeanZeroSdOneAndSaysWhatItUsed() throws Exception {
        CsvImport.Table t = CsvImport.read(file("s.csv", "a,b,y\n1,5,0\n2,5,1\n3,5,0\n6,5,1\n"));
        CsvImport.Result r = CsvImport.toDataset(t, List.of(0, 1), List.of(2), -1, true);
        CsvImport.Standardisation a = r.standardisation().get(0);
        assertEquals(3.0, a.mean(), TOLERANCE);
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 4.0), a.sd(), TOLERANCE);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 4; i++) {
            sum += r.dataset().input(i, 0);
            squares += r.dataset().input(i, 0) * r.dataset().input(i, 0);
        }
        assertEquals(0.0, sum, TOLERANCE);
        assertEquals(4.0, squares, TOLERANCE, "population sd 1");
        assertEquals(0.0, r.standardisation().get(1).sd(), EXACT, "a constant column");
        assertEquals(0.0, r.dataset().input(3, 1), EXACT, "a constant column is only centred");
        assertTrue(a.toString().contains("mean 3"), a.toString());
        assertEquals(0.0, r.dataset().target(0, 0), EXACT, "targets are never standardised");
    }

    @Test
    void readsSemicolonsAndTabs() throws Exception {
        assertEquals(List.of("x", "y"), CsvImport.read(file("semi.csv", "x;y\n1;2\n")).header());
        assertEquals(List.of("x", "y"), CsvImport.read(file("tab.tsv", "x\ty\n1\t2\n")).header());
    }

    @Test
    void aNonNumericCellIsNamedByRowColumnAndValue() throws Exception {
        String m = refused("x1,x2,y\n0,0,0\n0,1,1\n1,oops,1\n");
        assertTrue(m.contains("row 4") && m.contains("column 2 (x2)") && m.contains("\"oops\""), m);
        String empty = refused("x1,x2,y\n0,,0\n");
        assertTrue(empty.contains("row 2") && empty.contains("column 2") && empty.contains("\"\""), empty);
        String nan = refused("x1,x2,y\n0,NaN,0\n");
        assertTrue(nan.contains("\"NaN\""), nan);
    }

    @Test
    void aNonNumericCellInALeftOutColumnIsFine() throws Exception {
        CsvImport.Table t = CsvImport.read(file("c.csv", "note,x,y\nhello,1,0\nworld,2,1\n"));
        assertEquals(2, CsvImport.toDataset(t, List.of(1), List.of(2), -1, false).dataset().size());
    }

    @Test
    void raggedRowsAreRefusedWithTheRow() throws Exception {
        String m = refused("x1,x2,y\n0,0,0\n0,1\n");
        assertTrue(m.contains("row 3 has 2 values") && m.contains("3 columns"), m);
        String longer = refused("x1,x2,y\n0,0,0,7\n");
        assertTrue(longer.contains("row 2 has 4 values"), longer);
    }

    @Test
    void emptyFilesAndMissingHeadersAreRefused() throws Exception {
        assertTrue(refused("").contains("is empty"));
        assertTrue(refused("\n\n").contains("is empty"));
        assertTrue(refused("x1,x2,y\n").contains("no samples"));
        String noHeader = refused("0,0,0\n0,1,1\n");
        assertTrue(noHeader.contains("no header row") && noHeader.contains("row 1"), noHeader);
    }

    @Test
    void duplicateAndBlankColumnNamesAreRefused() throws Exception {
        String dup = refused("x,x,y\n0,0,0\n");
        assertTrue(dup.contains("\"x\"") && dup.contains("column 1 and column 2"), dup);
        String blank = refused("x,,y\n0,0,0\n");
        assertTrue(blank.contains("column 2 has no name"), blank);
    }

    @Test
    void moreThanAMillionCellsAreRefused() throws Exception {
        StringBuilder b = new StringBuilder("a,b,c,d\n");
        for (int r = 0; r < 250_000; r++) {
            b.append("1,2,3,4\n");
        }
        String m = refused(b.toString());
        assertTrue(m.contains("more than 1,000,000 cells") && m.contains("row 250001"), m);
    }

    @Test
    void filesOver64MiBAreRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(CsvImport.MAX_BYTES + 1);
        }
        String m = assertThrows(CsvImportException.class, () -> CsvImport.read(big)).getMessage();
        assertTrue(m.contains("big.csv") && m.contains("64 MiB"), m);
    }

    @Test
    void aFifoOrADeviceIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.csv");
        String m = assertThrows(CsvImportException.class, () -> SpecialFiles.within(() -> CsvImport.read(fifo))).getMessage();
        assertEquals(fifo + " is a FIFO (named pipe): expected a regular file.", m);
        m = assertThrows(CsvImportException.class, () -> SpecialFiles.within(() -> CsvImport.read(SpecialFiles.devZero())))
                .getMessage();
        assertEquals("/dev/zero is a character device: expected a regular file.", m);
    }

    @Test
    void aMissingFileIsRefused() {
        String m = assertThrows(CsvImportException.class, () -> CsvImport.read(dir.resolve("none.csv"))).getMessage();
        assertTrue(m.contains("none.csv"), m);
    }

    @Test
    void columnChoicesAreChecked() throws Exception {
        CsvImport.Table t = CsvImport.read(file("g.csv", "a,b\n1,2\n"));
        assertThrows(CsvImportException.class, () -> CsvImport.toDataset(t, List.of(), List.of(1), -1, false));
        assertThrows(CsvImportException.class, () -> CsvImport.toDataset(t, List.of(0), List.of(), -1, false));
        assertThrows(CsvImportException.class, () -> CsvImport.toDataset(t, List.of(0, 1), List.of(1), -1, false));
    }
}
