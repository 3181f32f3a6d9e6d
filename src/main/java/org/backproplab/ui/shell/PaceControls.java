package org.backproplab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The toolbar's controls for the pace of a lesson: "Run to" with its field ({@code #runToButton},
 * {@code #runToField}: "1500" or "1000 epochs", Enter runs too, Esc cancels the edit), and Auto-play
 * ({@code #autoPlayButton}, its arrow choosing the seconds per phase). They only forward to
 * {@link RunToModel} and {@link AutoPlay}.
 */
final class PaceControls {
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    /** Auto-play's button while the phases walk by themselves. */
    static final javafx.css.PseudoClass PLAYING = javafx.css.PseudoClass.getPseudoClass("playing");

    private final HBox box;

    PaceControls(RunToModel runTo, AutoPlay autoPlay) {
        box = new HBox(8, runTo(runTo), autoPlay(autoPlay));
        box.setAlignment(Pos.CENTER_LEFT);
    }

    Node node() {
        return box;
    }

    private static Node runTo(RunToModel model) {
        TextField field = new TextField();
        field.setId("runToField");
        field.setPrefColumnCount(7);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.setTooltip(ShellToolbar.tip("Where Run to stops: an iteration (1500) or an epoch (1000 epochs). "
                + "Starts at the tutorial's own target; Enter runs, Esc cancels"));
        field.setText(model.textProperty().get());
        model.textProperty().addListener((o, was, now) -> field.setText(now));
        model.errorProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        Button go = new Button("Run to");
        go.setId("runToButton");
        go.setMinWidth(Region.USE_PREF_SIZE);
        go.setTooltip(ShellToolbar.tip("Run to: train at the chosen speed and stop exactly at the iteration or epoch "
                + "in the field (one behind is shown from the history)"));
        go.setOnAction(e -> model.commit(field.getText()));
        // sent from the field, the keys come back at once (Space pauses); a refused text stays to be fixed
        field.setOnAction(e -> {
            if (model.commit(field.getText())) {
                go.requestFocus();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
                field.setText(model.textProperty().get());
                e.consume();
            }
        });
        HBox row = new HBox(4, go, field);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * One button: its main part starts and stops auto-play (orange while it plays), its arrow chooses the seconds
     * per phase, which the button shows ("Auto-play · 2 s"): compact enough for a 1024-px toolbar.
     */
    private static Node autoPlay(AutoPlay autoPlay) {
        SplitMenuButton play = new SplitMenuButton();
        play.setId("autoPlayButton");
        play.getStyleClass().add("auto-play-button");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setTooltip(ShellToolbar.tip("Auto-play phases: the highlight walks through the phases of each iteration, "
                + "one every few seconds (the arrow chooses how many), so you can talk without clicking. Any key pauses"));
        ToggleGroup pace = new ToggleGroup();
        for (int s = AutoPlay.MIN_SECONDS; s <= AutoPlay.MAX_SECONDS; s++) {
            int seconds = s;
            RadioMenuItem item = new RadioMenuItem(s + (s == 1 ? " second" : " seconds") + " per phase");
            item.setToggleGroup(pace);
            item.setSelected(s == autoPlay.secondsProperty().get());
            item.setOnAction(e -> autoPlay.secondsProperty().set(seconds));
            play.getItems().add(item);
        }
        Runnable text = () -> play.setText("Auto-play · " + autoPlay.secondsProperty().get() + " s");
        text.run();
        autoPlay.secondsProperty().addListener((o, was, now) -> text.run());
        autoPlay.playingProperty().addListener((o, was, now) -> play.pseudoClassStateChanged(PLAYING, now));
        play.setOnAction(e -> autoPlay.toggle());
        return play;
    }
}
