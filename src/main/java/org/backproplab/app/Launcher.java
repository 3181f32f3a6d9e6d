package org.backproplab.app;

/** Plain entry point: no arguments open the window, arguments run the command line. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "--benchmark-ui".equals(args[0])) {
            WindowLauncher.main(args);
            return;
        }
        System.out.println("Backprop Lab");
    }
}
