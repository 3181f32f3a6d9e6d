package org.backproplab.ui.architecture;

import java.util.concurrent.TimeUnit;
import org.backproplab.app.BackpropLabApp;
import org.backproplab.session.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application for a classroom test and waits for the session to settle. */
public final class ClassroomFixture {
    public final BackpropLabApp app;
    private final FxRobot robot;

    private ClassroomFixture(BackpropLabApp app, FxRobot robot) {
        this.app = app;
        this.robot = robot;
    }

    public static ClassroomFixture start(FxRobot robot) throws Exception {
        FxToolkit.registerPrimaryStage();
        BackpropLabApp app = (BackpropLabApp) FxToolkit.setupApplication(BackpropLabApp.class);
        // the window is shown with its first screen and completed on the frames after it
        app.window().whenComplete().get(30, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ClassroomFixture f = new ClassroomFixture(app, robot);
        f.settle();
        return f;
    }

    public void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /**
     * Scrolls each scroll pane around the node {@code id} so that the node is in view, as a person scrolls to a
     * control below the fold of a small screen (the side column of a 1024×768 window is taller than the window).
     */
    public void reveal(String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double content = sp.getContent().getLayoutBounds().getHeight();
                    double view = sp.getViewportBounds().getHeight();
                    if (content > view) {
                        double top = Math.max(0, Math.min(content - view, b.getMinY() - (view - b.getHeight()) / 2));
                        sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * top / (content - view));
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} into the text field {@code id} and presses Enter, as a person does. */
    public void type(String id, String text) {
        reveal(id);
        javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
        });
        robot.clickOn(id).type(javafx.scene.input.KeyCode.END).type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Waits until every command sent so far has run and the window shows the result; returns that snapshot. */
    public Snapshot settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        app.session().sync().get(10, TimeUnit.SECONDS);
        robot.interact(() -> app.bridge().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        return app.bridge().snapshot();
    }
}
