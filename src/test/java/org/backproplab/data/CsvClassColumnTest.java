package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV class column: text or whole-number labels become one-hot targets named by the classes. */
class CsvClassColumnTest {

    private static CsvImport.Table table(String text) throws Exception {
        return CsvImport.read("flowers.csv", new StringReader(text));
    }

    @Test
    void textLabelsBecomeOneHotTargetsInTheOrderTheyFirstAppear() throws Exception {
        CsvImport.Table t = table("petal,sepal,species\n1.4,5.1,setosa\n4.7,7.0,versicolor\n6.0,6.3,virginica\n"
                + "1.3,4.9,setosa\n");
        Dataset d = CsvImport.toDataset(t, List.of(0, 1), List.of(), 2, -1, false).dataset();
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.targetNames(), "the class names are kept");
        assertArrayEquals(new double[] {1, 0, 0}, d.targets().getRow(0), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, d.targets().getRow(1), 0.0);
        assertArrayEquals(new double[] {0, 0, 1}, d.targets().getRow(2), 0.0);
        assertArrayEquals(new double[] {1, 0, 0}, d.targets().getRow(3), 0.0);
        assertTrue(Scenarios.isOneHot(d));
        Scenario s = Scenarios.forDataset(Presets.get("xor-bias"), d, "flowers", "flowers");
        assertEquals(org.backproplab.engine.Activation.SOFTMAX, s.layers().get(1).activation());
        assertEquals(org.backproplab.engine.Loss.CROSS_ENTROPY, s.config().loss());
    }

    @Test
    void wholeNumberLabelsAreSortedNumericallyAndNamedPlainly() throws Exception {
        CsvImport.Table t = table("x,digit\n0.1,10\n0.2,2\n0.3,1e1\n0.4,2.0\n0.5,-1\n");
        Dataset d = CsvImport.toDataset(t, List.of(0), List.of(), 1, -1, false).dataset();
        assertEquals(List.of("-1", "2", "10"), d.targetNames(), "10, 1e1; 2, 2.0: one class each");
        assertArrayEquals(new double[] {0, 0, 1}, d.targets().getRow(0), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, d.targets().getRow(1), 0.0);
        assertArrayEquals(new double[] {0, 0, 1}, d.targets().getRow(2), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, d.targets().getRow(3), 0.0);
        assertArrayEquals(new double[] {1, 0, 0}, d.targets().getRow(4), 0.0);
    }

    @Test
    void aClassColumnThatCannotBeUsedIsRefusedNamingRowAndColumn() throws Exception {
        String empty = assertThrows(CsvImportException.class, () -> CsvImport.toDataset(
                table("x,species\n1,a\n2,\n3,b\n"), List.of(0), List.of(), 1, -1, false)).getMessage();
        assertTrue(empty.contains("flowers.csv, row 3, column 2 (species) is empty"), empty);
        String single = assertThrows(CsvImportException.class, () -> CsvImport.toDataset(
                table("x,species\n1,a\n2,a\n"), List.of(0), List.of(), 1, -1, false)).getMessage();
        assertTrue(single.contains("single class \"a\""), single);
        StringBuilder many = new StringBuilder("x,id\n");
        for (int i = 0; i <= CsvImport.MAX_CLASSES; i++) {
            many.append(i).append(",name").append(i).append('\n');
        }
        String tooMany = assertThrows(CsvImportException.class, () -> CsvImport.toDataset(
                table(many.toString()), List.of(0), List.of(), 1, -1, false)).getMessage();
        assertTrue(tooMany.contains("column 2 (id) has more than 100 different values"), tooMany);
        String both = assertThrows(CsvImportException.class, () -> CsvImport.toDataset(
                table("x,y,species\n1,0,a\n2,1,b\n"), List.of(0), List.of(1), 2, -1, false)).getMessage();
        assertTrue(both.contains("either target columns or a class column"), both);
    }
}
