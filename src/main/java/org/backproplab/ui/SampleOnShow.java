package org.backproplab.ui;

import org.backproplab.data.Dataset;
import org.backproplab.engine.IterationTrace;
import org.backproplab.session.Snapshot;

/**
 * The sample on show: the one sample whose numbers the graph draws and names, and whose formulas the inspector
 * explains. Both ask {@link UiState#sampleOnShow(Snapshot)}, so they cannot disagree.
 *
 * <p>It is the selected sample ({@link UiState#selectedSampleProperty()}) when the iteration explained has it:
 * the iteration in progress while stepping by phase, else the next iteration (its preview), else (running fast)
 * any sample. A sample the iteration does not train on (per-sample or mini-batch training, a test row) cannot be
 * explained by it: then the first sample of its batch is on show, and {@link #note()} says so. "All samples"
 * shows the mean, or the one sample of a batch of one.
 *
 * @param sample   the data-set row on show, or −1 for the mean over the samples
 * @param selected the selected row (−1: all samples)
 * @param batch    the rows of the iteration explained, in batch order, or null while running fast
 * @param stepping true while an iteration is being stepped phase by phase (its batch is the one in progress)
 * @param note     why the sample on show is not the selected one, e.g. {@code “Alice” is not in the next batch
 *                 (per-sample training): showing “Bob”}; else empty
 */
public record SampleOnShow(int sample, int selected, int[] batch, boolean stepping, String note) {

    /** @return the sample on show in {@code s} when row {@code selected} (−1: all) is selected */
    public static SampleOnShow of(Snapshot s, int selectedRow) {
        int selected = selectedRow < s.scenario().dataset().size() ? selectedRow : -1;
        IterationTrace t = s.phaseIndex() > 0 && s.trace() != null ? s.trace() : s.preview();
        boolean stepping = s.phaseIndex() > 0 && s.trace() != null;
        int[] batch = t == null ? null : t.samples();
        if (batch == null || batch.length == 0) {
            return new SampleOnShow(selected, selected, null, false, "");
        }
        if (selected < 0) {
            return new SampleOnShow(batch.length == 1 && stepping ? batch[0] : -1, selected, batch, stepping, "");
        }
        for (int i : batch) {
            if (i == selected) {
                return new SampleOnShow(selected, selected, batch, stepping, "");
            }
        }
        Dataset d = s.scenario().dataset();
        String why = s.isTestRow(selected) ? " (a test row: never trained on)"
                : batch.length == 1 ? " (one sample per iteration)" : "";
        String note = quoted(d, selected) + " is not in " + (stepping ? "this" : "the next") + " batch" + why
                + ": showing " + quoted(d, batch[0]);
        return new SampleOnShow(batch[0], selected, batch, stepping, note);
    }

    /** @return true if the graph shows the mean over the samples rather than one sample */
    public boolean isMean() {
        return sample < 0;
    }

    /**
     * @return the row of the batch whose formulas are followed: the sample on show's, or the first for the mean
     *         (0 while running fast)
     */
    public int batchRow() {
        if (batch != null) {
            for (int k = 0; k < batch.length; k++) {
                if (batch[k] == sample) {
                    return k;
                }
            }
        }
        return 0;
    }

    /** @return e.g. {@code Sample “Alice”}, or {@code Mean over 4 samples} for {@code n} samples averaged */
    public String describe(Dataset d, int n) {
        return isMean() ? "Mean over " + n + (stepping ? " samples of the batch" : " samples") : "Sample " + quoted(d, sample);
    }

    /** @return the label of data-set row {@code sample} in quotes, e.g. {@code “01”} */
    public static String quoted(Dataset d, int sample) {
        return "“" + d.label(sample) + "”";
    }

    /**
     * @return the note without the sample shown instead ("“Alice” is not in this batch"), for a line that names
     *         the sample on show already; empty when the selected sample is on show
     */
    public String briefNote() {
        int cut = note.lastIndexOf(": showing ");
        return cut < 0 ? note : note.substring(0, cut);
    }
}
