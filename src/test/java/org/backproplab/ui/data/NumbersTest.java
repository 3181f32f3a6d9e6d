package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void parsesWhatPeopleType() {
        assertEquals(-0.5, Numbers.parse(" −0.5 ", "here"), 0.0);
        assertEquals(1.5, Numbers.parse("1,5", "here"), 0.0);
        assertEquals(1e-3, Numbers.parse("1e-3", "here"), 0.0);
        assertEquals(".5 is fine", Numbers.parse(".5", "x") == 0.5 ? ".5 is fine" : "no");
    }

    @Test
    void refusesWithValueAndPlace() {
        assertEquals("'1,5x' is not a number (Alice, x1)",
                assertThrows(IllegalArgumentException.class, () -> Numbers.parse("1,5x", "Alice, x1")).getMessage());
        assertEquals("'NaN' is not a number (b)",
                assertThrows(IllegalArgumentException.class, () -> Numbers.parse("NaN", "b")).getMessage());
        assertEquals("'1e999' is too large (b)",
                assertThrows(IllegalArgumentException.class, () -> Numbers.parse("1e999", "b")).getMessage());
    }

    @Test
    void formatsFourSignificantDigits() {
        assertEquals("−0.08013", Numbers.format(-0.080125));
        assertEquals("1", Numbers.format(1.0));
        assertEquals("0.7311", Numbers.format(0.731058));
        assertEquals("1.235e−05", Numbers.format(0.000012345));
    }
}
