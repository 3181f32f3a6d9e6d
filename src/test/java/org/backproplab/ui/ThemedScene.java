package org.backproplab.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * A scene for testing one view alone, styled as the window styles its own: with the light theme's stylesheets,
 * which define the looked-up colours ({@code -bl-text}, {@code -bl-accent} …) that every feature's stylesheet
 * and inline style uses. (Without them JavaFX logs a warning for every styled node, and the view is drawn in
 * colours the window never shows.)
 */
public final class ThemedScene {
    private ThemedScene() {
    }

    /** @return a {@code width × height} scene around {@code root} with {@link Theme#LIGHT}'s stylesheets */
    public static Scene of(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrls());
        return scene;
    }
}
