package org.backproplab.ui;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a preferences node of its own (the system property {@code backproplab.prefs}, which the
 * window's preferences follow), empty at the start and removed at the end, so that it neither reads nor changes the
 * user's choices. Use with {@code @ExtendWith(OwnPreferences.class)} and {@link Node @OwnPreferences.Node}.
 */
public final class OwnPreferences implements BeforeAllCallback, AfterAllCallback {
    /** The node's path, below the user root. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Node {
        String value();
    }

    private static final String PROPERTY = "backproplab.prefs";
    private String previous;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        previous = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, node(context));
        Preferences.userRoot().node(node(context)).removeNode();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Preferences.userRoot().node(node(context)).removeNode();
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
    }

    private static String node(ExtensionContext context) {
        Node n = context.getRequiredTestClass().getAnnotation(Node.class);
        if (n == null) {
            throw new IllegalStateException(context.getRequiredTestClass().getName()
                    + " uses OwnPreferences without @OwnPreferences.Node(\"org/backproplab/<name>\")");
        }
        return n.value();
    }
}
