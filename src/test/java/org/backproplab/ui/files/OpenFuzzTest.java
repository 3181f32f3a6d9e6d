package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.backproplab.io.HostileFiles;

/**
 * The same damaged files through what File → Open does before the session takes over
 * ({@link FileCommands#read}) and the text its dialog shows ({@link FileDialogs#reason}): every refusal is
 * a sentence about the file, never "An unexpected problem", and reading never hangs.
 */
class OpenFuzzTest {
    @Property(tries = 250)
    void openGivesARecordOrAMessage(@ForAll(supplier = HostileFiles.Damaged.class) HostileFiles.Sample sample) throws Exception {
        Path p = HostileFiles.onDisk(sample);
        HostileFiles.Outcome o = HostileFiles.read(() -> FileCommands.read(p));
        if (o.thrown() == null) {
            assertNotNull(o.value(), sample::toString);
            return;
        }
        String shown = FileDialogs.reason(o.thrown());
        assertFalse(shown.startsWith("An unexpected problem"), () -> sample + " gave " + o.thrown());
        assertTrue(!shown.isBlank() && shown.lines().count() == 1, () -> sample + ": not one line: " + shown);
    }
}
