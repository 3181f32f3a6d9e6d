package org.backproplab.app;

/** Plain entry point: no arguments open the window, arguments run the command line. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.out.println("Backprop Lab");
    }
}
