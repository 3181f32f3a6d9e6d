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
     * @return the lesson's title, read once and kept (any thread; the window's start reads them in the background),
     *         or {@code name} if the lesson cannot be read (opening it then says why)
     */
    public static String title(String name) {
        return TITLES.computeIfAbsent(name, n -> {
            try {
                return read(n).title();
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
        if (!NAMES.contains(name)) {
            throw new IOException("no lesson '" + name + "' comes with the app: expected one of " + NAMES);
        }
        try (InputStream in = ShippedLessons.class.getResourceAsStream("lessons/" + name + ".json")) {
            if (in == null) {
                throw new IOException("the lesson '" + name + "' is missing from the app");
            }
            byte[] bytes = in.readNBytes((int) LessonFile.MAX_BYTES + 1);
            return LessonFile.read(new String(bytes, StandardCharsets.UTF_8), name + ".json");
        }
    }
}
