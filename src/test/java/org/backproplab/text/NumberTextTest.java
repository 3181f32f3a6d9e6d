package org.backproplab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class NumberTextTest {
    /** Runs {@code body} with {@code locale} as the format locale (restored afterwards). */
    static <T> T inLocale(Locale locale, Callable<T> body) throws Exception {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, locale);
        try {
            return body.call();
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    private static String refusal(String text, String place) {
        return assertThrows(IllegalArgumentException.class, () -> NumberText.parse(text, place)).getMessage();
    }

    @Test
    void readsTheNumbersPeopleType() {
        assertEquals(0.5, NumberText.parse(" 0.5 ", "x"));
        assertEquals(0.5, NumberText.parse(".5", "x"));
        assertEquals(1e-3, NumberText.parse("1e-3", "x"));
        assertEquals(2.5e4, NumberText.parse("+2.5E+4", "x"));
        assertEquals(-0.5, NumberText.parse("-0.5", "x"));
        assertEquals(-0.5, NumberText.parse("\u22120.5", "x"), "the typographic minus, as the screen writes it");
        assertEquals(-1.234e-7, NumberText.parse("−1.234e−7", "x"), "what format() writes reads back");
        assertEquals(1e300, NumberText.parse("1e300", "x"));
    }

    @Test
    void aDecimalCommaOnlyWhereTheLocaleWritesOne() throws Exception {
        assertEquals(0.5, inLocale(Locale.GERMANY, () -> NumberText.parse("0,5", "W1[2,3]")));
        assertEquals(0.5, inLocale(Locale.GERMANY, () -> NumberText.parse("0.5", "W1[2,3]")), "the dot always");
        assertEquals(-1.5e-3, inLocale(Locale.FRANCE, () -> NumberText.parse("−1,5e-3", "W1[2,3]")));
        assertEquals("'0,5' in W1[2,3]: expected a number such as 0.5 or -1.2e-3",
                inLocale(Locale.US, () -> refusal("0,5", "W1[2,3]")));
        assertEquals("'1.000,5' in W1[2,3]: expected a number such as 0.5 or -1.2e-3",
                inLocale(Locale.GERMANY, () -> refusal("1.000,5", "W1[2,3]")), "no thousands separators");
        assertEquals("'1,000' in W1[2,3]: expected a number such as 0.5 or -1.2e-3",
                inLocale(Locale.US, () -> refusal("1,000", "W1[2,3]")), "no thousands separators");
    }

    @Test
    void aRefusalNamesTheValueThePlaceAndWhatIsAllowed() {
        assertEquals("'abc' in W1[2,3]: expected a number such as 0.5 or -1.2e-3", refusal("abc", "W1[2,3]"));
        assertEquals("nothing typed in W1[2,3]: expected a number such as 0.5 or -1.2e-3", refusal("  ", "W1[2,3]"));
        assertEquals("'NaN' in b2[1]: expected a number such as 0.5 or -1.2e-3", refusal("NaN", "b2[1]"));
        assertEquals("'Infinity' in b2[1]: expected a number such as 0.5 or -1.2e-3", refusal("Infinity", "b2[1]"));
        assertEquals("'1e999' in b2[1]: too large; expected a number such as 0.5 or -1.2e-3", refusal("1e999", "b2[1]"));
        assertEquals("'-1e999' in b2[1]: too large; expected a number such as 0.5 or -1.2e-3", refusal("-1e999", "b2[1]"));
        assertEquals("'1d' in b2[1]: expected a number such as 0.5 or -1.2e-3", refusal("1d", "b2[1]"),
                "Java's own suffixes are not numbers people type");
        assertEquals("'0x1p3' in b2[1]: expected a number such as 0.5 or -1.2e-3", refusal("0x1p3", "b2[1]"));
    }

    @Test
    void rangesAndWholeNumbersSayWhatTheyAllow() {
        Allowed mu = Allowed.fromUpTo(0, 1, 0.9);
        assertEquals(0.9, NumberText.parse("0.9", "momentum μ", mu));
        assertEquals("'1' in momentum μ: expected a number from 0 up to (not including) 1, such as 0.9",
                assertThrows(IllegalArgumentException.class, () -> NumberText.parse("1", "momentum μ", mu)).getMessage());
        assertEquals("'-0.1' in learning rate η: expected a number ≥ 0, such as 0.5",
                assertThrows(IllegalArgumentException.class,
                        () -> NumberText.parse("-0.1", "learning rate η", Allowed.atLeast(0, 0.5))).getMessage());
        assertEquals("'1.5' in Alice, y: expected a number from 0 to 1 with the bce loss",
                assertThrows(IllegalArgumentException.class, () -> NumberText.parse("1.5", "Alice, y",
                        Allowed.between(0, 1, Double.NaN).because("with the bce loss"))).getMessage());
        assertEquals(1000, NumberText.parseWhole("1e3", "samples", 2, 20_000));
        assertEquals(-7, NumberText.parseWhole("−7", "seed", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, NumberText.parseWhole("9223372036854775807", "seed", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals("'2.5' in samples: expected a whole number from 2 to 20,000",
                assertThrows(IllegalArgumentException.class, () -> NumberText.parseWhole("2.5", "samples", 2, 20_000)).getMessage());
        assertEquals("'20001' in samples: expected a whole number from 2 to 20,000",
                assertThrows(IllegalArgumentException.class, () -> NumberText.parseWhole("20001", "samples", 2, 20_000)).getMessage());
        assertEquals("'x' in seed: expected a whole number such as 42",
                assertThrows(IllegalArgumentException.class,
                        () -> NumberText.parseWhole("x", "seed", Long.MIN_VALUE, Long.MAX_VALUE)).getMessage());
    }

    @Test
    void fourSignificantDigitsAtAnyMagnitude() {
        assertEquals("0.7311", NumberText.format(0.731058));
        assertEquals("−0.08013", NumberText.format(-0.080125));
        assertEquals("1", NumberText.format(1.0));
        assertEquals("12.35", NumberText.format(12.345));
        assertEquals("0.001", NumberText.format(0.001));
        assertEquals("9.99e−4", NumberText.format(0.000999));
        assertEquals("1.235e5", NumberText.format(123_456));
        assertEquals("99990", NumberText.format(99_990));
        assertEquals("1e5", NumberText.format(99_999.5), "rounded up to the e-notation range");
        assertEquals("1e300", NumberText.format(1e300));
        assertEquals("−1.234e−7", NumberText.format(-1.234e-7));
        assertEquals("−1.798e308", NumberText.format(-Double.MAX_VALUE));
        assertEquals("4.9e−324", NumberText.format(Double.MIN_VALUE));
        assertEquals("0", NumberText.format(-0.0));
        assertEquals("NaN", NumberText.format(Double.NaN));
        assertEquals("∞", NumberText.format(Double.POSITIVE_INFINITY));
        assertEquals("−∞", NumberText.format(Double.NEGATIVE_INFINITY));
        assertEquals("0.523", NumberText.format(0.52341, 3));
        assertEquals("1.23e5", NumberText.format(123_456, 3));
    }

    @Test
    void noFormattedNumberIsLongerThanElevenCharacters() {
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            String s = NumberText.format(v);
            assertTrue(s.length() <= 11, v + " → " + s);
            if (Double.isFinite(v)) {
                assertEquals(v, NumberText.parse(NumberText.editable(v), "x"), "editable reads back exactly");
            }
        }
    }

    @Test
    void editFieldsStartWithTheExactValue() {
        assertEquals("0.1", NumberText.editable(0.1));
        assertEquals("-0.5234123412341234", NumberText.editable(-0.5234123412341234));
        assertEquals("135", NumberText.editable(135));
        assertEquals("1.5e-7", NumberText.editable(1.5e-7));
        assertEquals("1e300", NumberText.editable(1e300));
        assertEquals("0", NumberText.editable(0));
    }
}
