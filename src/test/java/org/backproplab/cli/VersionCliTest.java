package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.about.PomVersion;
import org.junit.jupiter.api.Test;

/** {@code --version} prints the pom's version, the same one Help → About shows. */
class VersionCliTest {
    @Test
    void versionIsThePomsVersionAndNothingElse() throws Exception {
        BackpropLabCliTest.Run r = BackpropLabCliTest.run("--version");
        assertEquals(0, r.status(), r.err());
        assertEquals("Backprop Lab " + PomVersion.read(), r.out().strip());
        assertEquals("", r.err());
    }
}
