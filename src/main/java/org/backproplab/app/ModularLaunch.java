package org.backproplab.app;

import java.lang.LayerInstantiationException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar backprop-lab.jar} puts JavaFX on the class path, a configuration JavaFX does not support (and
 * says so at every start). When JavaFX is not a named module of the boot layer, the window is opened from a
 * module layer made of the jar and the libraries beside it in {@code lib/}: JavaFX runs as the named modules it
 * is, with no option to type. {@code ./mvnw javafx:run} and the app image already have JavaFX as modules.
 */
final class ModularLaunch {
    /** The module name of the app's jar (its manifest's Automatic-Module-Name). */
    static final String APP_MODULE = "org.backproplab";
    private static final String WINDOW_LAUNCHER = "org.backproplab.app.WindowLauncher";

    private ModularLaunch() {
    }

    /** @return true if JavaFX is not a module of the boot layer (it is on the class path, or missing) */
    static boolean needed() {
        return ModuleLayer.boot().findModule("javafx.graphics").isEmpty();
    }

    /**
     * Runs {@link WindowLauncher#main} from a module layer of the jar this class came from and the jars in the
     * {@code lib} folder beside it; without such a jar and folder (classes run from a folder), or if they do not
     * make a layer with JavaFX, runs it as it is.
     */
    static void launch(String[] args) throws Throwable {
        Optional<ClassLoader> layer = loaderOf(jars());
        if (layer.isEmpty()) {
            WindowLauncher.main(args);
            return;
        }
        ClassLoader loader = layer.get();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(WINDOW_LAUNCHER, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * @param jars the app's jar (Automatic-Module-Name {@value #APP_MODULE}) and its libraries, JavaFX included
     * @return the class loader of the app's module in a new layer of them all over the boot layer, or empty if
     *         they do not make one (no JavaFX or no app among them, two jars with one package)
     */
    static Optional<ClassLoader> loaderOf(List<Path> jars) {
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        try {
            if (finder.find("javafx.graphics").isEmpty() || finder.find(APP_MODULE).isEmpty()) {
                return Optional.empty();
            }
            // every jar is a root, as on a module path with ALL-MODULE-PATH: the app (an automatic module) reads them all
            Set<String> all = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolve(finder, ModuleFinder.of(), all);
            return Optional.of(boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader()).findLoader(APP_MODULE));
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            return Optional.empty();
        }
    }

    /** @return the app's jar and the jars of lib/ beside it, or nothing when the classes are not in a jar */
    private static List<Path> jars() throws URISyntaxException, java.io.IOException {
        Path self = Path.of(ModularLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = self.resolveSibling("lib");
        if (!Files.isRegularFile(self) || !Files.isDirectory(lib)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>(List.of(self));
        try (Stream<Path> s = Files.list(lib)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        return jars;
    }
}
