package org.backproplab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The toolbar's controls for the pace of a lesson: "Run to" with its field ({@code #runToButton},
 * {@code #runToField}: "1500" or "1000 epochs", Enter runs too, Esc cancels the edit), and Auto-play
 * ({@code #autoPlayButton}) with the seconds per phase ({@code #autoPlaySeconds}). They only forward to
 * {@link RunToModel} and {@link AutoPlay}.
 */
final class PaceControls {
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

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

    private static Node autoPlay(AutoPlay autoPlay) {
        ToggleButton play = new ToggleButton("Auto-play");
        play.setId("autoPlayButton");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setTooltip(ShellToolbar.tip("Auto-play phases: the highlight walks through the phases of each iteration, "
                + "one every few seconds, so you can talk without clicking. Any key pauses"));
        play.setSelected(autoPlay.isPlaying());
        autoPlay.playingProperty().addListener((o, was, now) -> play.setSelected(now));
        play.setOnAction(e -> {
            autoPlay.toggle();
            play.setSelected(autoPlay.isPlaying());
        });
        ComboBox<Integer> seconds = new ComboBox<>();
        seconds.setId("autoPlaySeconds");
        for (int s = AutoPlay.MIN_SECONDS; s <= AutoPlay.MAX_SECONDS; s++) {
            seconds.getItems().add(s);
        }
        seconds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + " s";
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        seconds.setValue(autoPlay.secondsProperty().get());
        seconds.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                autoPlay.secondsProperty().set(now);
            }
        });
        seconds.setTooltip(ShellToolbar.tip("Auto-play pace: seconds per phase"));
        seconds.setMinWidth(Region.USE_PREF_SIZE);
        seconds.setFocusTraversable(false);
        HBox row = new HBox(4, play, seconds);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
