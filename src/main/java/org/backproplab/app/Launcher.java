package org.backproplab.app;

import org.backproplab.cli.BackpropLabCli;

/**
 * Plain entry point (not an {@code Application}, so {@code java -jar} needs no module path): no arguments,
 * or window options, open the window (with JavaFX as named modules: {@link ModularLaunch}); any other arguments
 * run the command line, which never loads a JavaFX class because only {@link WindowLauncher} refers to them.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        if (opensWindow(args)) {
            if (ModularLaunch.needed()) {
                ModularLaunch.launch(args);
            } else {
                WindowLauncher.main(args);
            }
            return;
        }
        System.exit(BackpropLabCli.run(args, System.out, System.err));
    }

    /**
     * The hook that decides between window and command line: true for no arguments or when the first one is
     * a window option (today {@code --benchmark-ui} and {@code --benchmark-ui=N}); add new window options here.
     */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args[0].startsWith(UiBenchmark.OPTION) || args[0].startsWith(StartBenchmark.OPTION);
    }
}
