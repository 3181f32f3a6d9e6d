package org.backproplab.io;

import static org.backproplab.io.PythonSnippets.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Which samples iteration {@code k} of an exported script uses, in Python, as the engine's {@code BatchSchedule}
 * chooses them: every training row (full batch), or batch {@code k mod B} of epoch {@code k div B}, the training rows
 * in order or, with shuffling, in the order a Fisher–Yates shuffle draws from a generator seeded by (seed, epoch).
 */
final class PythonSchedule {
    /**
     * The app's shuffling generator in Python: {@code mersenne_twister(seed, epoch)} gives the 31-bit draws of the
     * {@code MersenneTwister(int[])} that {@code BatchSchedule} seeds with the seed's and the epoch's halves, and
     * {@code next_int(bits31, n)} is {@code BitsStreamGenerator.nextInt(n)} (the power-of-two short cut, else the
     * rejection loop on 31-bit draws).
     */
    static final List<String> RANDOM = List.of(
            "def mersenne_twister(seed, epoch):",
            "    # MT19937 seeded by init_by_array with four 32-bit words: the seed's high and low half, the",
            "    # epoch's high and low half (the app's MersenneTwister(int[]) of Apache Commons Math).",
            "    # NumPy's RandomState seeds MT19937 with init_by_array when given a list; MT19937 then hands",
            "    # out its raw 32-bit numbers.",
            "    key = [(seed >> 32) & 0xFFFFFFFF, seed & 0xFFFFFFFF, (epoch >> 32) & 0xFFFFFFFF, epoch & 0xFFFFFFFF]",
            "    generator = np.random.MT19937()",
            "    generator.state = {\"bit_generator\": \"MT19937\",",
            "                       \"state\": np.random.RandomState(key).get_state(legacy=False)[\"state\"]}",
            line("    return lambda: int(generator.random_raw()) >> 1", "the next 31 random bits"),
            "",
            "def next_int(bits31, n):",
            "    # a whole number in 0 … n−1, each as likely (Commons Math's BitsStreamGenerator.nextInt(n))",
            line("    if n & -n == n:", "n is a power of two: the top bits of one draw"),
            "        return (n * bits31()) >> 31",
            "    while True:",
            "        bits = bits31()",
            "        value = bits % n",
            line("        if bits - value + (n - 1) < 2 ** 31:", "else the draw fell in the incomplete last block"),
            "            return value",
            "");

    /** The whole section: {@code batches_per_epoch}, the generator, {@code epoch_order} and {@code batch_rows}. */
    static final List<String> LINES = lines();

    private PythonSchedule() {
    }

    private static List<String> lines() {
        List<String> l = new ArrayList<>(List.of(
                "def batches_per_epoch():",
                "    n = len(TRAIN_ROWS)",
                "    return 1 if BATCH_SIZE == 0 else (n + BATCH_SIZE - 1) // BATCH_SIZE",
                ""));
        l.addAll(RANDOM);
        l.addAll(List.of(
                "def epoch_order(epoch):",
                "    order = TRAIN_ROWS.copy()",
                line("    if SHUFFLE:", "Fisher–Yates, from the last row down"),
                "        bits31 = mersenne_twister(SEED, epoch)",
                "        for i in range(len(order) - 1, 0, -1):",
                "            j = next_int(bits31, i + 1)",
                "            order[i], order[j] = order[j], order[i]",
                "    return order",
                "",
                "orders = {}",
                "",
                "def batch_rows(k):",
                "    if BATCH_SIZE == 0:",
                line("        return TRAIN_ROWS", "full batch: every training row, every iteration"),
                "    epoch, i = divmod(k, batches_per_epoch())",
                "    if epoch not in orders:",
                "        orders.clear()",
                "        orders[epoch] = epoch_order(epoch)",
                line("    return orders[epoch][i * BATCH_SIZE:(i + 1) * BATCH_SIZE]", "the last batch holds what is left"),
                ""));
        return List.copyOf(l);
    }
}
