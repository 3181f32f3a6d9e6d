package org.backproplab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The lessons that come with the app, read from its resources ({@code org/backproplab/io/lessons/<name>.json}). */
public final class ShippedLessons {
    /** Their file names without {@code .json}, in the order the Lessons menu lists them. */
    public static final List<String> NAMES = List.of("xor-from-scratch", "emily-and-frank", "relu-and-mini-batches",
            "break-it-then-fix-it");

    /** The titles read so far, by name. */
    private static final Map<String, String> TITLES = new ConcurrentHashMap<>();

    private ShippedLessons() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @return the lesson's {@code title} field, read once and kept (any thread; the window's start reads them in the
     *         background), or {@code name} if it cannot be read (opening the lesson then says why). Only the title is
     *         read: the whole lesson is checked when it is opened (its start may be a preset on real data, which the
     *         window's start does not read)
     */
    public static String title(String name) {
        return TITLES.computeIfAbsent(name, n -> {
            try {
                String t = Json.MAPPER.readTree(bytes(n)).path("title").asText("");
                return t.isBlank() ? n : t;
            } catch (IOException e) {
                return n;
            }
        });
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
