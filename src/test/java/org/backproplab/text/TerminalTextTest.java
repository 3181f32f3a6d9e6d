package org.backproplab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("\\u001b[2J", TerminalText.escape("\u001b[2J"));
        assertEquals("\\u001b]0;owned\\u0007", TerminalText.escape("\u001b]0;owned\u0007"));
        assertEquals("a\\u000db\\u000ac\\u0009d\\u0000", TerminalText.escape("a\rb\nc\td\u0000"));
        assertEquals("\\u200ea\\u200fb\\u061cc\\u2028d\\u2029", TerminalText.escape("\u200ea\u200fb\u061cc\u2028d\u2029"));
        assertEquals("\\u007f \\u0085 \\u009b31m", TerminalText.escape("\u007f \u0085 \u009b31m"));
        assertEquals("\\u202egnp.exe \\u2066x\\u2069 \\u202a", TerminalText.escape("\u202egnp.exe \u2066x\u2069 \u202a"));
        assertEquals("null", TerminalText.escape(null));
    }

    @Test
    void everythingElseIsKept() {
        String s = "Zoë, η = 0.5, −1, π ≈ 3.14, 日本, 😀, \\u001b, path/to/file.json";
        assertSame(s, TerminalText.escape(s));
        assertFalse(TerminalText.isControl(' '));
        assertFalse(TerminalText.isControl('\u00a0'));
        assertFalse(TerminalText.isControl('\u200b'));
    }

    @Test
    void everyEscapedCharacterIsACharacterTheClassNames() {
        for (char c = 0; c < 0x3000; c++) {
            boolean expected = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028
                    || c == 0x2029;
            assertEquals(expected, TerminalText.isControl(c), Integer.toHexString(c));
            String e = TerminalText.escape(String.valueOf(c));
            assertEquals(expected, !e.equals(String.valueOf(c)), Integer.toHexString(c));
            assertTrue(e.chars().noneMatch(x -> TerminalText.isControl((char) x)));
        }
    }
}
