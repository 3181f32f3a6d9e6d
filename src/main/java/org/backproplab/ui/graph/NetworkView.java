package org.backproplab.ui.graph;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.Snapshot;
import org.backproplab.ui.SessionBridge;
import org.backproplab.ui.UiState;
import org.backproplab.ui.UiState.EdgeRef;

/**
 * The live network graph ({@code #networkView}): a canvas that follows its region's size and is redrawn once
 * per new snapshot (and when the view state, the size or the hovered edge changes). Click a weight or bias to
 * edit it; the wheel or a vertical drag nudges it; hovering shows its value and gradient. Every edit is a
 * command to the session, which recomputes everything and publishes the next snapshot.
 */
public final class NetworkView extends Region {
    /** Pixels of vertical drag per nudge step. */
    static final double DRAG_PX_PER_STEP = 3;
    private static final long DRAG_SEND_NANOS = 40_000_000L;

    private final SessionBridge bridge;
    private final UiState state;
    private final NetworkViewModel vm;
    private final Canvas canvas = new Canvas();
    /** The weight or bias editor, made when first needed (its text field is no part of the first frame). */
    private EdgeEditor editor;
    /** The hover card of an edge or an input's pixel, made at the first hover: the first frame does without it. */
    private Tooltip tip;
    /** The input whose pixel of the picture the mouse is over, or −1. */
    private int hoveredPixel = -1;
    /** "+k more numbers — …" when not every number fits ({@code #hiddenNumbersNote}); empty and hidden otherwise. */
    private final Label hiddenNote = new Label();
    private EdgeRef pendingRef;
    private double pendingValue;
    private EdgeRef dragRef;
    private double dragStartY;
    private double dragBase;
    private boolean dragged;
    private long lastDragSend;
    /** The picture inside each hidden and output neuron, or null (see {@link #showNeuronImages}). */
    private java.util.function.Function<UiState.NeuronRef, javafx.scene.image.Image> neuronImages = n -> null;
    private final NeuronImagePainter neuronImagePainter = new NeuronImagePainter();
    private final PicturePainter picturePainter = new PicturePainter();
    private final EdgeRaster edgeRaster = new EdgeRaster();
    /** Draws the dense edges' image while training runs (see {@link #redraw}). */
    static final Executor EDGE_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-lab-edges");
        t.setDaemon(true);
        return t;
    });
    /**
     * The drawing of an edge image on {@link #EDGE_THREAD}, and the painting of its graph on the FX thread once it
     * is drawn; null when none is under way (FX thread).
     */
    private CompletableFuture<Void> edgeJob;
    /** The drawing part of {@link #edgeJob} alone: the FX thread may wait for it, never for the painting. */
    private CompletableFuture<Void> edgeDrawing;
    /** Set when a redraw was asked for while {@link #edgeJob} ran. */
    private boolean redrawAfterEdges;
    /** Counts the drawings begun: a drawing whose edges come after a newer one began is not painted. */
    private long drawing;
    private long redraws;
    /** One line per training problem found (see {@link ProblemMarks}), in a strip under the graph. */
    private final ProblemsNote problemsNote = new ProblemsNote();
    /** Redraws per second at most while training runs (see {@link #onSnapshot}). */
    static final double RUNNING_REDRAWS_PER_SECOND = 30;
    /**
     * The same for a dense graph, whose edges are drawn as one image ({@link EdgePainter#RASTER_FROM} edges or more:
     * digits, MNIST): as often as its neurons' weight pictures change ({@link WeightPictures}).
     */
    static final double DENSE_RUNNING_REDRAWS_PER_SECOND = 8;
    private final org.backproplab.ui.Throttle throttle = new org.backproplab.ui.Throttle(RUNNING_REDRAWS_PER_SECOND);

    public NetworkView(SessionBridge bridge, UiState state) {
        this.bridge = bridge;
        this.state = state;
        this.vm = new NetworkViewModel(state);
        setId("networkView");
        setMinSize(320, 240);
        setPrefSize(900, 560);
        hiddenNote.setId("hiddenNumbersNote");
        hiddenNote.getStyleClass().add("hidden-numbers-note");
        hiddenNote.setManaged(false);
        hiddenNote.setMouseTransparent(true);
        // the editor is made and joins when first opened: hidden, its text field still cost the first frame
        getChildren().addAll(canvas, hiddenNote, problemsNote.node());
        bridge.snapshotProperty().addListener((o, a, s) -> onSnapshot(s));
        state.numbersProperty().addListener((o, a, b) -> refresh());
        state.selectedSampleProperty().addListener((o, a, b) -> refresh());
        state.colorScaleProperty().addListener((o, a, b) -> refresh());
        // the selection decides which neuron's edges are labelled when not every number fits
        state.selectedEdgeProperty().addListener((o, a, b) -> refresh());
        state.selectedNeuronProperty().addListener((o, a, b) -> refresh());
        state.zoomProperty().addListener((o, a, b) -> refresh());
        state.lectureProperty().addListener((o, a, b) -> refresh());
        state.lectureTextProperty().addListener((o, a, b) -> refresh());
        state.hiddenNumbersProperty().addListener((o, a, b) -> refresh());
        state.themeProperty().addListener((o, a, b) -> {
            paintBackdrop();
            refresh();
        });
        paintBackdrop();
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            setHovered(null, e);
            hoverPixel(-1, e);
        });
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(this::release);
        canvas.setOnScroll(this::scroll);
        if (bridge.snapshot() != null) {
            vm.setSnapshot(bridge.snapshot());
        }
    }

    // Properties

    /** @return the view model (for tests and the menu's export) */
    public NetworkViewModel viewModel() {
        return vm;
    }

    /** @return the weight or bias editor (made now if it was not yet) */
    public EdgeEditor editor() {
        if (editor == null) {
            editor = new EdgeEditor();
            editor.setOnCommit(this::send);
        }
        return editor;
    }

    /** Closes the editor if it was ever made. */
    private void closeEditor() {
        if (editor != null) {
            editor.close();
        }
    }

    // Commands

    /**
     * Draws the graph at {@code scale} times its size on screen (2 for a sharp PNG).
     *
     * @return the image, white background
     */
    public WritableImage snapshotImage(double scale) {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        vm.setSize(w, h);
        Canvas c = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        c.getGraphicsContext2D().scale(scale, scale);
        GraphScene s = vm.scene();
        if (s != null) {
            GraphPainter.paint(c.getGraphicsContext2D(), s, new PicturePainter(), new EdgeRaster(), null,
                    state.selectedEdgeProperty().get());
            new NeuronImagePainter().paint(c.getGraphicsContext2D(), s, neuronImages);
        }
        return c.snapshot(new SnapshotParameters(), null);
    }

    /** @return the canvas as drawn now (for tests of the picture) */
    WritableImage canvasImage() {
        return canvas.snapshot(new SnapshotParameters(), null);
    }

    /**
     * Draws {@code images} inside the hidden and output neurons (a neuron's picture, or null for none), again
     * whenever {@code changes} fires (see {@link NeuronImagePainter}); while training runs the graph's next redraw
     * (at most {@value #RUNNING_REDRAWS_PER_SECOND} a second) shows them, instead of a redraw of its own for every
     * change (the digits' weight pictures, 8 times a second, had added a whole redraw of the graph each time).
     */
    public void showNeuronImages(java.util.function.Function<UiState.NeuronRef, javafx.scene.image.Image> images,
                                 javafx.beans.Observable changes) {
        neuronImages = images;
        changes.addListener(o -> {
            if (vm.snapshot() == null || !vm.snapshot().running()) {
                redraw();
            }
        });
        redraw();
    }

    /** @return how many times the graph has been drawn (for tests of how often it is) */
    long redraws() {
        return redraws;
    }

    /**
     * Selects neuron {@code n} (layer ≥ 1): the graph labels its edges when not all fit, the derivation panel
     * follows it, and the selected edge becomes one into it (the one selected if it already ends there).
     */
    public void select(UiState.NeuronRef n) {
        state.selectedNeuronProperty().set(n);
        EdgeRef e = state.selectedEdgeProperty().get();
        if (e == null || e.layer() != n.layer() || e.to() != n.index()) {
            state.selectedEdgeProperty().set(new EdgeRef(n.layer(), 0, n.index()));
        }
    }

    /** Selects the next neuron (step 1) or the one before (−1): see {@link NetworkViewModel#neighbour}. */
    public void selectNeighbour(int step) {
        UiState.NeuronRef n = vm.neighbour(step);
        if (n != null) {
            closeEditor();
            select(n);
        }
    }

    /** Selects the next edge into the selected neuron (step 1) or the one before (−1), without opening the editor. */
    public void selectNeighbourEdge(int step) {
        EdgeRef e = vm.neighbourEdge(step);
        if (e != null) {
            closeEditor();
            state.selectedEdgeProperty().set(e);
            state.selectedNeuronProperty().set(new UiState.NeuronRef(e.layer(), e.to()));
        }
    }

    /** Opens the editor for a weight or bias and selects it (and the neuron it leads to). */
    public void edit(EdgeRef ref) {
        if (vm.snapshot() == null || !vm.exists(ref)) {
            return;
        }
        state.selectedEdgeProperty().set(ref);
        state.selectedNeuronProperty().set(new UiState.NeuronRef(ref.layer(), ref.to()));
        if (!state.hiddenNumbers().isEmpty()) {
            // an open exercise: editing a weight would change its numbers, and the editor would show a hidden one
            return;
        }
        EdgeEditor opened = editor();
        if (opened.getParent() == null) {
            getChildren().add(opened);
        }
        opened.open(ref, vm.value(ref));
        place(opened, ref);
    }

    /** Sizes the editor and puts it just above the label of {@code ref} (below it near the top), within the graph. */
    private void place(EdgeEditor e, EdgeRef ref) {
        double[] p = vm.anchor(ref);
        double w = e.prefWidth(-1);
        double h = e.prefHeight(w);
        double x = p == null ? 20 : p[0] - w / 3;
        double y = p == null ? 20 : p[1] - h - 14 > 4 ? p[1] - h - 14 : p[1] + 14;
        e.resizeRelocate(Math.max(4, Math.min(x, getWidth() - w - 4)), Math.max(4, Math.min(y, getHeight() - h - 4)), w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean resized = canvas.getWidth() != w || canvas.getHeight() != h;
        if (resized) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        if (editor != null && editor.editing() != null) {
            if (resized) {
                // with the graph redrawn at its new size, the editor follows its weight's label
                place(editor, editor.editing());
            } else {
                // its text or its message changed: it keeps its place (it does not move while typed in)
                double ew = editor.prefWidth(-1);
                editor.resize(ew, editor.prefHeight(ew));
            }
        }
    }

    /**
     * An opaque, plain background under the canvas: the renderer then starts each frame's repaint of the graph
     * here instead of repainting the split panes behind it (a large saving under software rendering).
     */
    private void paintBackdrop() {
        setBackground(new Background(new BackgroundFill(state.themeProperty().get().background(), null, null)));
    }

    /**
     * A new snapshot: drawn at once when training is paused (stepping stays exact), and while it runs at most
     * {@value #RUNNING_REDRAWS_PER_SECOND} times a second, taking turns with the other throttled views (the
     * weights change every frame then; drawing every other frame halves the renderer's work on the largest area
     * of the window, which a projector's audience cannot tell).
     */
    private void onSnapshot(Snapshot s) {
        throttle.setMaxPerSecond(dense(s) ? DENSE_RUNNING_REDRAWS_PER_SECOND : RUNNING_REDRAWS_PER_SECOND);
        throttle.submit(!s.running(), () -> show(s));
    }

    /** @return true if the largest layer has {@link EdgePainter#RASTER_FROM} weights or more */
    private static boolean dense(Snapshot s) {
        org.backproplab.engine.Network n = s.network();
        for (int l = 1; l <= n.depth(); l++) {
            if ((long) n.size(l - 1) * n.size(l) >= EdgePainter.RASTER_FROM) {
                return true;
            }
        }
        return false;
    }

    private void show(Snapshot s) {
        vm.setSnapshot(s);
        EdgeRef edited = editor == null ? null : editor.editing();
        if (edited != null && !vm.exists(edited)) {
            // its weight is gone (another preset, a file, a smaller network): nothing is left to edit
            editor.close();
        }
        if (pendingRef != null && vm.value(pendingRef) == pendingValue) {
            pendingRef = null;
        }
        if (vm.hovered() != null && tipShowing()) {
            tip().setText(vm.describe(vm.hovered()));
        }
        redraw();
        if (hoveredPixel >= 0 && tipShowing() && vm.scene() != null && vm.scene().picture() != null
                && hoveredPixel < vm.scene().picture().inputs().length) {
            tip().setText(vm.describePixel(hoveredPixel));
        }
    }

    private void refresh() {
        vm.invalidate();
        redraw();
    }

    /**
     * Draws the graph of the snapshot on show. While training runs, a dense layer's edge image ({@link EdgeRaster},
     * the larger part of a redraw of digits) is drawn on a thread of its own ({@link #EDGE_THREAD}) and the graph is
     * painted once it is ready, from the same scene: the FX thread does not wait for it, and the picture shown is
     * still one snapshot's. Paused, stepping or going back, everything is drawn at once.
     */
    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1 || vm.snapshot() == null) {
            return;
        }
        redraws++;
        if (edgeJob != null && vm.snapshot().running()) {
            redrawAfterEdges = true; // the newest snapshot is drawn once the edge image under way is painted
            return;
        }
        // the problems' lines get a strip of their own under the graph: the graph is laid out above it
        List<Problem> problems = state.hiddenNumbers().isEmpty() ? vm.problems() : List.of();
        double strip = problemsNote.strip(ProblemMarks.explain(problems, vm.snapshot()), w, h, state);
        vm.setSize(w, h - strip);
        GraphScene s = vm.scene();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        if (vm.snapshot().running()) {
            EdgePainter.Plan plan = EdgePainter.plan(gc.getTransform(), w, h, s.edges(), vm.hovered(),
                    state.selectedEdgeProperty().get());
            if (plan != null) {
                long mine = ++drawing;
                edgeDrawing = CompletableFuture.runAsync(() -> edgeRaster.draw(plan), EDGE_THREAD);
                edgeJob = edgeDrawing.whenCompleteAsync((v, e) -> {
                            if (e != null) { // said, not swallowed; the next redraw draws the edges here again
                                Thread t = Thread.currentThread();
                                t.getUncaughtExceptionHandler().uncaughtException(t, e);
                            }
                            edgeJob = null;
                            edgeDrawing = null;
                            if (mine == drawing) {
                                paint(s, problems, strip, h);
                                paintedAfterEdges++;
                            }
                            if (redrawAfterEdges) {
                                redrawAfterEdges = false;
                                redraw();
                            }
                        }, Platform::runLater);
                return;
            }
        }
        if (edgeDrawing != null) {
            // the raster is drawn here next: not while the other thread still draws in it (its painting, queued on
            // this thread, then finds a newer drawing begun and paints nothing)
            edgeDrawing.handle((v, e) -> null).join();
        }
        drawing++;
        paint(s, problems, strip, h);
    }

    /** What {@link #paint} drew last (for tests). */
    private record Painted(GraphScene scene, List<Problem> problems, double strip, EdgeRef hovered, EdgeRef selected) {
    }

    private Painted painted;
    /** Drawings painted once their edge image was drawn on {@link #EDGE_THREAD} (for tests). */
    private long paintedAfterEdges;

    private void paint(GraphScene s, List<Problem> problems, double strip, double h) {
        paint(canvas.getGraphicsContext2D(), new Painted(s, problems, strip, vm.hovered(),
                state.selectedEdgeProperty().get()), picturePainter, edgeRaster, neuronImagePainter);
        showHiddenNote(s);
        if (strip > 0) {
            problemsNote.node().relocate(12, h - strip + 3);
        }
    }

    private void paint(GraphicsContext gc, Painted p, PicturePainter pictures, EdgeRaster edges,
                       NeuronImagePainter neuronPictures) {
        painted = p;
        GraphScene s = p.scene();
        GraphPainter.paint(gc, s, pictures, edges, p.hovered(), p.selected());
        neuronPictures.paint(gc, s, neuronImages);
        ProblemMarks.paint(gc, s, p.problems());
        if (p.strip() > 0) {
            double w = gc.getCanvas().getWidth();
            double h = gc.getCanvas().getHeight();
            gc.setFill(s.theme().background());
            gc.fillRect(0, h - p.strip(), w, p.strip());
        }
    }

    /** @return true while an edge image is drawn on {@link #EDGE_THREAD} or its graph waits to be painted (for tests) */
    boolean edgesUnderWay() {
        return edgeJob != null;
    }

    /** @return how many drawings were painted once their edge image was drawn on another thread (for tests) */
    long paintedAfterEdges() {
        return paintedAfterEdges;
    }

    /** @return the last drawing painted again, all at once, on a canvas of its own (for tests of the picture) */
    WritableImage paintedAgain() {
        Canvas c = new Canvas(canvas.getWidth(), canvas.getHeight());
        paint(c.getGraphicsContext2D(), painted, new PicturePainter(), new EdgeRaster(), new NeuronImagePainter());
        return c.snapshot(new SnapshotParameters(), null);
    }

    /** Shows the "+k more" note in the strip the scene keeps for it, in the graph's font, or hides it. */
    private void showHiddenNote(GraphScene s) {
        GraphScene.Numbers n = s.numbers();
        if (!hiddenNote.getText().equals(n.note())) {
            hiddenNote.setText(n.note());
        }
        boolean show = !n.note().isEmpty();
        hiddenNote.setVisible(show);
        if (show) {
            double f = n.lecture() ? s.font() : s.font() * 0.95;
            String style = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-font-family: 'DejaVu Sans';"
                    + " -fx-font-weight: bold; -fx-text-fill: %s; -fx-background-color: %s; -fx-background-radius: 6;"
                    + " -fx-padding: 1 8 1 8;", f, web(s.theme().ink()), web(s.theme().labelBox()));
            if (!style.equals(hiddenNote.getStyle())) {
                hiddenNote.setStyle(style);
                hiddenNote.applyCss(); // its size below must be measured in the new font
            }
            double w = Math.min(hiddenNote.prefWidth(-1), Math.max(40, getWidth() - 24));
            double h = hiddenNote.prefHeight(w);
            hiddenNote.resizeRelocate(12, n.noteTop() + (GraphLayout.NOTE_HEIGHT * s.font() - h) / 2, w, h);
        }
    }

    /** @return {@code c} as a CSS colour */
    static String web(javafx.scene.paint.Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }

    private void hover(MouseEvent e) {
        EdgeRef ref = vm.hitTest(e.getX(), e.getY());
        setHovered(ref, e);
        hoverPixel(ref == null ? vm.pixelAt(e.getX(), e.getY()) : -1, e);
    }

    /** @return the hover card, made now if not yet */
    private Tooltip tip() {
        if (tip == null) {
            tip = new Tooltip();
            tip.setShowDelay(Duration.ZERO);
            tip.setStyle("-fx-font-size: 14px; -fx-font-family: 'DejaVu Sans';");
        }
        return tip;
    }

    private boolean tipShowing() {
        return tip != null && tip.isShowing();
    }

    private void hideTip() {
        if (tip != null) {
            tip.hide();
        }
    }

    /** Over the inputs' picture: the hovered pixel's input as the engine has it, in the tooltip. */
    private void hoverPixel(int i, MouseEvent e) {
        if (i == hoveredPixel) {
            return;
        }
        hoveredPixel = i;
        if (i < 0) {
            if (vm.hovered() == null) {
                hideTip();
            }
        } else if (getScene() != null && getScene().getWindow() != null) {
            tip().setText(vm.describePixel(i));
            tip().show(canvas, e.getScreenX() + 16, e.getScreenY() + 16);
        }
    }

    private void setHovered(EdgeRef ref, MouseEvent e) {
        EdgeRef old = vm.hovered();
        if (ref == null ? old == null : ref.equals(old)) {
            return;
        }
        vm.setHovered(ref);
        pendingRef = null;
        canvas.setCursor(ref == null ? Cursor.DEFAULT : Cursor.HAND);
        if (ref == null) {
            hideTip();
        } else if (getScene() != null && getScene().getWindow() != null) {
            tip().setText(vm.describe(ref));
            tip().show(canvas, e.getScreenX() + 16, e.getScreenY() + 16);
        }
        redraw();
    }

    private void press(MouseEvent e) {
        dragRef = e.getButton() == MouseButton.PRIMARY ? vm.hitTest(e.getX(), e.getY()) : null;
        dragged = false;
        if (dragRef != null) {
            dragStartY = e.getY();
            dragBase = vm.value(dragRef);
        }
    }

    private void drag(MouseEvent e) {
        if (dragRef == null || !dragged && Math.abs(e.getY() - dragStartY) < 4) {
            return;
        }
        dragged = true;
        hideTip();
        long now = System.nanoTime();
        if (now - lastDragSend >= DRAG_SEND_NANOS) {
            lastDragSend = now;
            send(dragRef, dragValue(e));
        }
    }

    private double dragValue(MouseEvent e) {
        return dragBase + (dragStartY - e.getY()) / DRAG_PX_PER_STEP * step(e.isShiftDown());
    }

    private void release(MouseEvent e) {
        if (dragRef != null && dragged) {
            send(dragRef, dragValue(e));
        } else if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && selectNeuron(e)) {
            closeEditor();
        } else if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            EdgeRef ref = vm.hitTest(e.getX(), e.getY());
            if (ref != null) {
                hideTip();
                edit(ref);
            } else {
                closeEditor();
                state.selectedEdgeProperty().set(null);
            }
        }
        dragRef = null;
        dragged = false;
    }

    /**
     * A click inside a hidden or output neuron picks it (the decision-boundary view shows its own heatmap).
     *
     * @return true if a neuron was picked
     */
    private boolean selectNeuron(MouseEvent e) {
        UiState.NeuronRef n = vm.neuronAt(e.getX(), e.getY());
        if (n != null && n.layer() > 0) {
            select(n);
            return true;
        }
        return false;
    }

    private void scroll(ScrollEvent e) {
        EdgeRef ref = vm.hitTest(e.getX(), e.getY());
        double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (ref == null || d == 0) {
            return;
        }
        double base = ref.equals(pendingRef) ? pendingValue : vm.value(ref);
        send(ref, base + Math.signum(d) * step(e.isShiftDown()));
        e.consume();
    }

    /** @return one nudge: 1 % of the colour range (0.1 % with Shift) */
    private double step(boolean fine) {
        return 0.01 * vm.range() * (fine ? 0.1 : 1);
    }

    private void send(EdgeRef ref, double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        pendingRef = ref;
        pendingValue = v;
        if (ref.isBias()) {
            bridge.session().setBias(ref.layer(), ref.to(), v);
        } else {
            bridge.session().setWeight(ref.layer(), ref.from(), ref.to(), v);
        }
    }
}
