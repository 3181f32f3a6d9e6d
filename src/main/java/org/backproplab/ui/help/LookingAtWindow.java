package org.backproplab.ui.help;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.AppIcon;
import org.backproplab.ui.Styles;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;

/**
 * Help → "What am I looking at?": a scrollable window that explains every visual element and the formulas,
 * in the window's theme (its stylesheet, and the colours its text names) and zoom. One window at a time: asking
 * again brings it to the front.
 */
public final class LookingAtWindow {
    private static Stage open;

    private LookingAtWindow() {
    }

    /** Shows the window (or brings the open one to the front). */
    public static Stage show(Window owner, UiState state) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return open;
        }
        Stage stage = new Stage();
        AppIcon.setOn(stage);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("What am I looking at? — Backprop Lab");
        ScrollPane scroll = new ScrollPane(content(state.themeProperty().get()));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        Scene scene = new Scene(scroll, 760, 720);
        scene.getStylesheets().setAll(state.themeProperty().get().stylesheetUrls());
        scroll.setStyle(Styles.fontStyle(Styles.rootFontPx(state.zoomProperty().get())));
        // the text names the window's colours: it follows the theme, like the stylesheet
        ChangeListener<Theme> follow = (o, was, theme) -> {
            scene.getStylesheets().setAll(theme.stylesheetUrls());
            scroll.setContent(content(theme));
        };
        state.themeProperty().addListener(follow);
        stage.setOnHidden(e -> state.themeProperty().removeListener(follow));
        stage.setScene(scene);
        stage.show();
        open = stage;
        return stage;
    }

    /** @return the page as it reads in {@code theme} (its colours named as that theme draws them) */
    static VBox content(Theme theme) {
        VBox box = new VBox();
        box.setId("whatAmILookingAt");
        box.getStyleClass().add("help-page");
        box.setPadding(new Insets(18, 26, 26, 26));
        box.setSpacing(8);
        Label title = new Label("What am I looking at?");
        title.getStyleClass().add("help-title");
        box.getChildren().add(title);
        for (LookingAtText.Section s : LookingAtText.sections(theme)) {
            Label h = new Label(s.heading());
            h.getStyleClass().add("help-heading");
            box.getChildren().add(h);
            for (String p : s.paragraphs()) {
                box.getChildren().add(paragraph(p));
            }
        }
        return box;
    }

    /** @return the runs of a formula; {@code ^{…}} becomes a raised, smaller run (an exponent) */
    static Text[] formula(String f) {
        java.util.List<Text> runs = new java.util.ArrayList<>();
        int i = 0;
        while (i < f.length()) {
            int open = f.indexOf("^{", i);
            int close = open < 0 ? -1 : f.indexOf('}', open);
            String plain = f.substring(i, open < 0 || close < 0 ? f.length() : open);
            if (!plain.isEmpty()) {
                Text t = new Text(plain);
                t.getStyleClass().add("help-formula");
                runs.add(t);
            }
            if (open < 0 || close < 0) {
                break;
            }
            Text sup = new Text(f.substring(open + 2, close));
            sup.getStyleClass().addAll("help-formula", "help-exponent");
            sup.fontProperty().addListener((o, a, font) -> sup.setTranslateY(-0.45 * font.getSize()));
            runs.add(sup);
            i = close + 1;
        }
        return runs.toArray(Text[]::new);
    }

    private static TextFlow paragraph(String p) {
        Text t;
        TextFlow flow;
        if (p.startsWith("= ")) {
            flow = new TextFlow(formula(p.substring(2)));
            flow.getStyleClass().add("help-formula-line");
        } else if (p.startsWith("• ")) {
            Text bullet = new Text("•  ");
            bullet.getStyleClass().add("help-text");
            t = new Text(p.substring(2));
            t.getStyleClass().add("help-text");
            flow = new TextFlow(bullet, t);
            flow.getStyleClass().add("help-bullet");
        } else {
            t = new Text(p);
            t.getStyleClass().add("help-text");
            flow = new TextFlow(t);
        }
        flow.setLineSpacing(3);
        return flow;
    }
}
