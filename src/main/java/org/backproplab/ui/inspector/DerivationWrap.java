package org.backproplab.ui.inspector;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a line of the derivation to a width in characters the way one writes on a blackboard: a chain
 * {@code a = b = c} one {@code = …} per line; a long sum before a {@code +} or {@code −} between terms; only
 * then at a space, and a number is never cut unless a single word is wider than the line. Continuation lines are
 * indented four spaces deeper than the line they continue.
 */
final class DerivationWrap {
    private static final String INDENT = "    ";
    /** Below this many columns, continuation lines are indented by two spaces, not four. */
    static final int NARROW = 36;

    private DerivationWrap() {
    }

    /** @return {@code line} as lines of at most {@code columns} characters (where possible, see above) */
    static List<String> wrap(String line, int columns) {
        if (line.length() <= columns || columns < 8) {
            return List.of(line);
        }
        if (columns < NARROW && line.startsWith(INDENT)) {
            line = line.substring(2); // a narrow panel indents by two
        }
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        if (columns < NARROW) {
            lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') {
                lead++;
            }
        }
        String first = line.substring(0, lead);
        String next = first + (columns < NARROW ? "  " : INDENT);
        // a line that continues a chain ("    = …") keeps its further "= …" under its own
        String chain = line.startsWith("= ", lead) ? first : next;
        List<String> parts = splitOutside(line.substring(lead), " = ");
        List<String> out = new ArrayList<>();
        if (parts.size() >= 2) {
            String head = parts.get(0) + " = " + parts.get(1);
            int from = 2;
            if (first.length() + head.length() > columns) {
                head = parts.get(0);
                from = 1;
            }
            fit(out, first, head, next, columns);
            for (int i = from; i < parts.size(); i++) {
                fit(out, chain, "= " + parts.get(i), chain + "  ", columns);
            }
        } else {
            fit(out, first, line.substring(lead), next, columns);
        }
        return out;
    }

    /** Adds {@code prefix + text}, broken before {@code +} / {@code −} terms (then at spaces) to fit. */
    private static void fit(List<String> out, String prefix, String text, String more, int columns) {
        if (prefix.length() + text.length() <= columns) {
            out.add(prefix + text);
            return;
        }
        List<String> pieces = new ArrayList<>();
        for (String term : splitBeforeTerms(text)) {
            pieces.add(term);
        }
        StringBuilder line = new StringBuilder(prefix);
        boolean empty = true;
        for (String piece : pieces) {
            String p = empty ? piece.stripLeading() : piece;
            if (!empty && line.length() + p.length() > columns) {
                out.add(line.toString());
                line = new StringBuilder(more);
                p = piece.stripLeading();
                empty = true;
            }
            if (line.length() + p.length() > columns) {
                hard(out, line, p, more, columns);
                empty = line.length() == more.length();
                continue;
            }
            line.append(p);
            empty = false;
        }
        if (!empty || line.length() > more.length()) {
            out.add(line.toString());
        }
    }

    /**
     * Breaks {@code p} after what {@code line} holds: at a space or after a product's {@code ·}, never leaving an
     * operator alone on a line; only a word wider than the whole line is cut.
     */
    private static void hard(List<String> out, StringBuilder line, String p, String more, int columns) {
        String rest = p;
        while (line.length() + rest.length() > columns) {
            int cut = breakAt(rest, columns - line.length());
            if (cut == 0 && line.length() > more.length()) {
                out.add(line.toString());
                line.setLength(0);
                line.append(more);
                continue;
            }
            if (cut == 0) {
                cut = Math.max(1, columns - line.length());
            }
            line.append(rest, 0, cut);
            rest = rest.substring(cut).stripLeading();
            out.add(line.toString());
            line.setLength(0);
            line.append(more);
        }
        line.append(rest);
    }

    /**
     * @return the length of the longest head of {@code s} within {@code room} that ends before a space, else
     *         after a product's {@code ·}; 0 if there is none
     */
    private static int breakAt(String s, int room) {
        for (boolean dots : new boolean[] {false, true}) {
            for (int i = Math.min(room, s.length()); i > 0; i--) {
                boolean at = dots ? s.charAt(i - 1) == '·' : i < s.length() && s.charAt(i) == ' ';
                if (at && !s.substring(0, i).strip().matches("[=+−·]?")) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** @return {@code text} split where {@code sep} stands outside parentheses and brackets */
    static List<String> splitOutside(String text, String sep) {
        return cutOutside(text, List.of(sep), false);
    }

    /** @return {@code text} cut before each " + " or " − " outside parentheses, the operator kept with its term */
    private static List<String> splitBeforeTerms(String text) {
        return cutOutside(text, List.of(" + ", " − "), true);
    }

    /**
     * @return {@code text} cut where one of {@code seps} stands outside parentheses and brackets; the separator is
     *         dropped, or with {@code keep} starts the next piece (never an empty first piece)
     */
    private static List<String> cutOutside(String text, List<String> seps, boolean keep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && (!keep || i > start)) {
                for (String sep : seps) {
                    if (text.startsWith(sep, i)) {
                        out.add(text.substring(start, i));
                        start = keep ? i : i + sep.length();
                        i += sep.length() - 1;
                        break;
                    }
                }
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
