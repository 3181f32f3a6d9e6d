package org.backproplab.text;

/**
 * The one way text that came from outside (a file's names, labels and descriptions, a value someone typed, a
 * path) is made safe to print on a terminal. A terminal obeys control characters: {@code ESC [ 2 J} clears the
 * screen, {@code ESC ] … BEL} retitles the window, a carriage return overwrites the line, and the bidirectional
 * overrides make a line read backwards. {@link #escape} writes each such character as a visible
 * <code>&#92;u001b</code>-style escape instead, so a file can show what it holds but cannot steer the terminal.
 *
 * <p>Escaped: the C0 controls {@code U+0000–U+001F} (newline and tab included: one printed field stays on one
 * line), {@code DEL U+007F}, the C1 controls {@code U+0080–U+009F} (some terminals take {@code U+009B} as
 * {@code ESC [}), the bidirectional embeddings and overrides {@code U+202A–U+202E} and the isolates
 * {@code U+2066–U+2069}, the direction marks {@code U+200E}, {@code U+200F} and {@code U+061C}, and the line and
 * paragraph separators {@code U+2028}, {@code U+2029}. Everything else, accents, Greek letters and emoji included, is printed as it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * @param text what a file or a person supplied, or null
     * @return {@code text} with every character listed in the class comment written as <code>&#92;uXXXX</code>
     *         (four hex digits, lower case), e.g. <code>&#92;u001b[2J</code> for ESC [ 2 J; {@code "null"} for null
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** @return true if {@code c} is one of the characters {@link #escape} writes as an escape */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029;
    }
}
