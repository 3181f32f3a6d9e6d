package org.backproplab.io;

import static org.backproplab.io.WorkedExample.format;

import org.backproplab.io.WorkedExample.Axis;
import org.backproplab.io.WorkedExample.Block;
import org.backproplab.io.WorkedExample.Section;

/** The three renderings of a {@link WorkedExample}: Markdown, LaTeX and long-format CSV. */
final class WorkedExampleFormats {
    private WorkedExampleFormats() {
    }

    // ---- Markdown ----------------------------------------------------------------------------------------

    static String markdown(WorkedExample ex) {
        StringBuilder md = new StringBuilder();
        md.append("# Worked example: ").append(ex.title()).append("\n\n");
        md.append("One iteration of backpropagation with every number the engine computed, rounded to ")
                .append(WorkedExample.DIGITS).append(" significant digits. Batch matrices have one row per sample ")
                .append("(labelled with its row in the data set); weight matrices have one row per neuron of the ")
                .append("layer below (i) and one column per neuron of the layer (j), counted from 1. ")
                .append("`⊙` is the element-wise product, `ᵀ` the transpose.\n");
        for (Section s : ex.sections()) {
            md.append("\n## ").append(s.title()).append("\n\n");
            if (!s.note().isEmpty()) {
                md.append(s.note()).append("\n\n");
            }
            for (String f : s.formulas()) {
                md.append("    ").append(f).append('\n');
            }
            if (!s.formulas().isEmpty()) {
                md.append('\n');
            }
            for (Block b : s.blocks()) {
                md.append("**").append(b.text()).append("**\n\n");
                table(md, b);
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Block b) {
        int cols = b.values().length == 0 ? 0 : b.values()[0].length;
        md.append('|').append(switch (b.rows()) {
            case SAMPLE -> " sample ";
            case NEURON -> " i \\ j ";
            case ONE -> "   ";
        }).append('|');
        for (int c = 0; c < cols; c++) {
            md.append(' ').append(b.columns() == Axis.ONE ? "value" : String.valueOf(c + 1)).append(" |");
        }
        md.append("\n|---:|");
        md.append("---:|".repeat(cols)).append('\n');
        for (int r = 0; r < b.values().length; r++) {
            md.append("| ").append(rowLabel(b, r)).append(" |");
            for (double v : b.values()[r]) {
                md.append(' ').append(format(v)).append(" |");
            }
            md.append('\n');
        }
    }

    private static String rowLabel(Block b, int r) {
        return switch (b.rows()) {
            case SAMPLE -> String.valueOf(b.sampleRows()[r] + 1);
            case NEURON -> String.valueOf(r + 1);
            case ONE -> "";
        };
    }

    // ---- LaTeX -------------------------------------------------------------------------------------------

    static String latex(WorkedExample ex) {
        int widest = 10;
        for (Section s : ex.sections()) {
            for (Block b : s.blocks()) {
                widest = Math.max(widest, b.values().length == 0 ? 0 : b.values()[0].length);
            }
        }
        StringBuilder tex = new StringBuilder();
        tex.append("\\documentclass[11pt]{article}\n")
                .append("\\usepackage{amsmath}\n")
                .append("\\usepackage[margin=2cm]{geometry}\n")
                .append("\\setcounter{MaxMatrixCols}{").append(widest).append("}\n")
                .append("\\allowdisplaybreaks\n")
                .append("\\title{Worked example: ").append(escape(ex.title())).append("}\n")
                .append("\\date{}\n")
                .append("\\begin{document}\n")
                .append("\\maketitle\n\n")
                .append("One iteration of backpropagation with every number the engine computed, rounded to ")
                .append(WorkedExample.DIGITS).append(" significant digits. Batch matrices have one row per sample, ")
                .append("in batch order; weight matrices have one row per neuron of the layer below and one ")
                .append("column per neuron of the layer. $\\odot$ is the element-wise product.\n");
        for (Section s : ex.sections()) {
            tex.append("\n\\section*{").append(escape(s.title())).append("}\n");
            if (!s.note().isEmpty()) {
                tex.append(escape(s.note())).append("\n");
            }
            for (String f : s.texFormulas()) {
                tex.append("\\[ ").append(f).append(" \\]\n");
            }
            for (Block b : s.blocks()) {
                block(tex, b);
            }
        }
        tex.append("\n\\end{document}\n");
        return tex.toString();
    }

    /** Columns of a matrix shown side by side on a page; a wider matrix is shown in parts of this many columns. */
    static final int PAGE_COLUMNS = 6;

    /** One block as a display; a matrix wider than {@link #PAGE_COLUMNS} in parts, in a smaller font. */
    private static void block(StringBuilder tex, Block b) {
        int cols = b.values().length == 0 ? 0 : b.values()[0].length;
        if (cols <= PAGE_COLUMNS) {
            tex.append("\\[ ").append(b.tex()).append(" = ");
            bmatrix(tex, b.values());
            tex.append(" \\]\n");
            return;
        }
        for (int from = 0; from < cols; from += PAGE_COLUMNS) {
            int to = Math.min(cols, from + PAGE_COLUMNS);
            double[][] part = new double[b.values().length][];
            for (int r = 0; r < part.length; r++) {
                part[r] = java.util.Arrays.copyOfRange(b.values()[r], from, to);
            }
            tex.append("{\\scriptsize\n\\[ ").append(b.tex()).append("\\;(\\text{columns } ").append(from + 1)
                    .append("\\text{--}").append(to).append(") = ");
            bmatrix(tex, part);
            tex.append(" \\]\n}\n");
        }
    }

    private static void bmatrix(StringBuilder tex, double[][] v) {
        if (v.length == 1 && v[0].length == 1) {
            tex.append(texNumber(v[0][0]));
            return;
        }
        tex.append("\\begin{bmatrix}\n");
        for (int r = 0; r < v.length; r++) {
            tex.append("  ");
            for (int c = 0; c < v[r].length; c++) {
                tex.append(c == 0 ? "" : " & ").append(texNumber(v[r][c]));
            }
            tex.append(r == v.length - 1 ? "\n" : " \\\\\n");
        }
        tex.append("\\end{bmatrix}");
    }

    /** @return e.g. {@code 0.25}, {@code -1.5 \cdot 10^{-5}}, {@code \infty}, {@code \text{NaN}} */
    static String texNumber(double v) {
        if (Double.isNaN(v)) {
            return "\\text{NaN}";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        String s = format(v);
        int e = s.indexOf('e');
        return e < 0 ? s : s.substring(0, e) + " \\cdot 10^{" + s.substring(e + 1) + "}";
    }

    /** Escapes the characters LaTeX treats specially in running text. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(ch < 128 ? String.valueOf(ch) : "?");
            }
        }
        return out.toString();
    }

    // ---- CSV ---------------------------------------------------------------------------------------------

    static String csv(WorkedExample ex) {
        StringBuilder csv = new StringBuilder("quantity,layer,row,column,value\n");
        for (Section s : ex.sections()) {
            for (Block b : s.blocks()) {
                for (int r = 0; r < b.values().length; r++) {
                    int row = b.rows() == Axis.SAMPLE ? b.sampleRows()[r] + 1 : r + 1;
                    for (int c = 0; c < b.values()[r].length; c++) {
                        csv.append(b.csvName()).append(',').append(b.layer()).append(',').append(row).append(',')
                                .append(c + 1).append(',').append(Double.toString(b.values()[r][c])).append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }
}
