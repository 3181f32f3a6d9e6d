package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The id of a process that has ended, as an autosave of a crashed run carries. */
public final class DeadProcess {
    private DeadProcess() {
    }

    /** @return the id of a short process that this method started and waited for */
    public static long pid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("java -version did not end within 60 s");
        }
        return p.pid();
    }
}
