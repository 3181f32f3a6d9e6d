package org.backproplab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lessons that come with the app, read from its resources ({@code org/backproplab/io/lessons/<name>.json}). */
public final class ShippedLessons {
    /**
     * Their file names without {@code .json}, in the order the Lessons menu lists them, with their titles as each
     * file's {@code title} field has it (a test reads every file to check): the Lessons menu lists them without
     * reading a file, which would start the JSON reader while the window is made.
     */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("xor-from-scratch", "XOR from scratch");
        TITLES.put("emily-and-frank", "Emily and Frank");
        TITLES.put("relu-and-mini-batches", "ReLU and mini-batches");
        TITLES.put("break-it-then-fix-it", "Break it, then fix it");
    }

    /** Their file names without {@code .json}, in the order the Lessons menu lists them. */
    public static final List<String> NAMES = List.copyOf(TITLES.keySet());

    private ShippedLessons() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @return the lesson's title, or {@code name} if it is no shipped lesson (opening it then says why); the whole
     *         lesson is read and checked when it is opened
     */
    public static String title(String name) {
        return TITLES.getOrDefault(name, name);
    }

    /**
     * @param name one of {@link #NAMES}
     * @throws IOException naming the lesson if it is not shipped or is malformed (a {@link FileFormatException})
     */
    public static LessonFile read(String name) throws IOException {
        return LessonFile.read(new String(bytes(name), StandardCharsets.UTF_8), name + ".json");
    }

    /** @return the shipped lesson's text (at most one byte more than a lesson may have, so that reading refuses it) */
    private static byte[] bytes(String name) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IOException("no lesson '" + name + "' comes with the app: expected one of " + NAMES);
        }
        try (InputStream in = ShippedLessons.class.getResourceAsStream("lessons/" + name + ".json")) {
            if (in == null) {
                throw new IOException("the lesson '" + name + "' is missing from the app");
            }
            return in.readNBytes((int) LessonFile.MAX_BYTES + 1);
        }
    }
}
