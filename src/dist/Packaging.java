import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Builds the self-contained Backprop Lab (./mvnw -Pdist package runs it; see docs/install.md) from the jar and
 * the libraries that {@code ./mvnw package} put in target/:
 *
 * <ol>
 * <li>the JavaFX jars become jmods, their native libraries apart, so that jlink puts JavaFX into the runtime as
 *     named modules (no "Unsupported JavaFX configuration") and its native libraries where the JVM finds them
 *     (nothing is unpacked into the user's home at start);</li>
 * <li>jlink makes a runtime of only the modules jdeps finds in use, without debug information, header files or
 *     man pages, compressed (the classes' debug attributes only: stripping native libraries needs binutils'
 *     objcopy, which a machine with just a JDK may lack, and the JDK's are stripped already);</li>
 * <li>the app's style sheets are compiled to JavaFX's binary form, beside them in its jar ({@code app.css} gets
 *     {@code app.bss}, which JavaFX reads instead of parsing the text);</li>
 * <li>a class-data-sharing archive for that runtime: the app opens its window once with
 *     {@code -XX:DumpLoadedClassList}. On Linux that list ships in the image (lib/backprop-lab.classlist,
 *     a few hundred kilobytes) and the launcher script dumps the classes it names, the JDK's, JavaFX's, the
 *     app's and its libraries', into an archive in the user's cache on the first start (in the background, at
 *     the lowest priority) and maps it at every later start: the image stays small (the archive is about 40 MB)
 *     and the archive, made where the app is installed, may hold the class path's classes too. On Windows and
 *     macOS (whose launchers are jpackage's own) the JDK and JavaFX classes are dumped into the runtime's
 *     default archive (lib/server/classes.jsa), which stays valid wherever the image is copied or installed;</li>
 * <li>jpackage makes the app image (the launcher, the app's jars, the runtime) and, if asked, an installer;</li>
 * <li>the launcher is tried: {@code presets} and {@code --version} must exit 0 and print only what they
 *     are asked for, and the archive must map (on Linux: once the first start has made it).</li>
 * </ol>
 *
 * <pre>
 * java src/dist/Packaging.java --target=target --version=0.1.0 [--type=app-image|deb|rpm|msi|exe|dmg|pkg]
 *      [--cds=true|false|auto] [--assets=assets] [--resources=src/dist]
 * </pre>
 *
 * {@code --cds=true} (the default) needs a display for the window it opens once (on Linux without one it uses
 * {@code xvfb-run} if installed); {@code auto} leaves the archive out when no window can open, {@code false}
 * always does.
 */
public final class Packaging {
    static final String NAME = "BackpropLab";
    static final String PACKAGE_NAME = "backprop-lab";
    static final String MAIN_JAR = "backprop-lab.jar";
    static final String MAIN_CLASS = "org.backproplab.app.Launcher";
    static final String DESCRIPTION = "See a neural network learn: phase-by-phase backpropagation on a live network graph";
    /** Keeps Windows installers of later versions upgrading this one in place (never change it). */
    static final String WINDOWS_UPGRADE_UUID = "6f0c4f5e-3b0e-4f8a-9b1e-0d6a2f1c7b42";
    /**
     * Options of the app's JVM. Compiling with C2 (the optimising compiler) only what stays hot: the first
     * frame makes thousands of methods warm once (style sheets, layout), and compiling them with C2 took most
     * of a core during the start (1.1 s of 2.8 s of processor time before the first frame; with these
     * thresholds, 5 times the defaults, 0.1 s); training passes them within a fraction of a second and then runs
     * as fast as before (the window's benchmark: 1.84 against 1.89 million iterations per second, within the
     * noise). A first metaspace size that holds the start-up classes, so no collection is started just for it.
     * A young generation of at least 64 MB: the start allocates some 70 MB up to the window complete, and the
     * default young generation (a few percent of the first heap, itself a 64th of the memory: 16–22 MB on a PC with
     * 24 GB, less with less) was collected once to three times before the first frame, each pause stopping every
     * thread for 8–13 ms; the collector still sizes it upwards as it likes, and a smaller heap grows to hold it.
     */
    static final List<String> JAVA_OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=250000", "-XX:Tier4MinInvocationThreshold=100000",
            "-XX:Tier4CompileThreshold=300000", "-XX:Tier4BackEdgeThreshold=2000000",
            "-XX:MetaspaceSize=96m", "-XX:NewSize=64m");

    private final Path target;
    private final String version;
    private final String type;
    private final String cds;
    private final Path assets;
    /** How many class-data archives the launcher keeps in the user's cache: the newest, and the one before it. */
    static final int KEPT_ARCHIVES = 2;

    /** Templates that replace jpackage's own, one folder per platform (linux/BackpropLab.desktop …). */
    private final Path resources;
    private final Path work;
    private final Path dist;
    private final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);

    private Packaging(Map<String, String> args) {
        target = Path.of(args.getOrDefault("target", "target")).toAbsolutePath();
        version = required(args, "version");
        type = args.getOrDefault("type", "app-image");
        cds = args.getOrDefault("cds", "true");
        assets = Path.of(args.getOrDefault("assets", "assets")).toAbsolutePath();
        resources = Path.of(args.getOrDefault("resources", "src/dist")).toAbsolutePath();
        work = target.resolve("dist-work");
        dist = target.resolve("dist");
        if (!Set.of("true", "false", "auto").contains(cds)) {
            throw new IllegalArgumentException("--cds=" + cds + ": expected true, false or auto");
        }
        if (!Set.of("app-image", "deb", "rpm", "msi", "exe", "dmg", "pkg").contains(type)) {
            throw new IllegalArgumentException("--type=" + type + ": expected app-image, deb, rpm, msi, exe, dmg or pkg");
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("'" + a + "': expected --name=value");
            }
            args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new Packaging(args).run();
    }

    private static String required(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + "=… is missing");
        }
        return v;
    }

    private void run() throws Exception {
        Path jar = target.resolve(MAIN_JAR);
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " and " + lib + " are needed: build them with ./mvnw -DskipTests package");
        }
        deleteTree(work);
        deleteTree(dist);
        Files.createDirectories(work);
        Path input = Files.createDirectories(work.resolve("input"));
        Path jmods = Files.createDirectories(work.resolve("jmods"));
        Files.copy(jar, input.resolve(MAIN_JAR));
        List<String> javafx = new ArrayList<>();
        for (Path j : list(lib, ".jar")) {
            ModuleDescriptor d = descriptor(j);
            if (d != null && d.name().startsWith("javafx.")) {
                if (!d.isAutomatic()) {
                    javafx.add(d.name());
                    jmod(j, d.name(), jmods);
                }
                // else: one of the empty jars Maven resolves next to each platform's JavaFX jar
            } else {
                Files.copy(j, input.resolve(j.getFileName()));
            }
        }
        if (javafx.isEmpty()) {
            throw new IllegalStateException("no JavaFX module jar in " + lib);
        }
        Set<String> modules = new TreeSet<>(jdkModules(input, lib));
        modules.addAll(javafx);
        System.out.println("Modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        tool("jlink", "--module-path", jmods + java.io.File.pathSeparator + Path.of(System.getProperty("java.home"), "jmods"),
                "--add-modules", String.join(",", modules), "--output", runtime.toString(),
                "--strip-java-debug-attributes", "--no-header-files", "--no-man-pages", "--compress=2");
        compileStylesheets(runtime, input.resolve(MAIN_JAR));
        Path classlist = cds.equals("false") ? null : classList(runtime, input);
        boolean perUser = classlist != null && os.contains("linux");
        if (classlist != null && !perUser) {
            dumpIntoRuntime(runtime, classlist, packagesIn(input));
        }
        Path image = appImage(input, runtime, perUser ? classlist : null);
        tryLauncher(image, classlist != null);
        System.out.printf(Locale.ROOT, "App image: %s, %s%s%n", image, mib(size(image)), classlist == null
                ? " (no class-data archive)" : perUser ? " (the class list for the archive each user's first start makes)"
                : " (with a class-data archive of " + mib(size(archiveIn(image))) + ")");
        if (!type.equals("app-image")) {
            Path installer = installer(image);
            System.out.printf(Locale.ROOT, "Installer: %s, %s%n", installer, mib(Files.size(installer)));
        }
    }

    // ---- JavaFX as jmods ----------------------------------------------------------------------------------

    /** @return the module descriptor of {@code jar}, or null if it is not a module (nor automatic) */
    private static ModuleDescriptor descriptor(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor).findFirst().orElse(null);
    }

    /** Unpacks a JavaFX jar and makes a jmod of it with its native libraries as the jmod's libraries. */
    private void jmod(Path jar, String module, Path jmods) throws IOException {
        Path classes = Files.createDirectories(work.resolve("jmod-src").resolve(module).resolve("classes"));
        Path natives = Files.createDirectories(work.resolve("jmod-src").resolve(module).resolve("natives"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                boolean nativeLib = !e.getName().contains("/") && e.getName().matches(".*\\.(so|dll|dylib)");
                Path to = (nativeLib ? natives : classes).resolve(e.getName()).normalize();
                if (!to.startsWith(nativeLib ? natives : classes)) {
                    throw new IOException(jar + ": entry " + e.getName() + " points outside the folder");
                }
                Files.createDirectories(to.getParent());
                Files.copy(zip, to);
            }
        }
        List<String> args = new ArrayList<>(List.of("create", "--class-path", classes.toString()));
        if (!list(natives, "").isEmpty()) {
            args.addAll(List.of("--libs", natives.toString()));
        }
        args.add(jmods.resolve(module + ".jmod").toString());
        tool("jmod", args.toArray(String[]::new));
    }

    /** @return the JDK modules that the app and its libraries use (jdeps) */
    private List<String> jdkModules(Path input, Path lib) {
        String modulePath = list(lib, ".jar").stream().filter(j -> {
            ModuleDescriptor d = descriptor(j);
            return d == null || !d.isAutomatic() || !d.name().startsWith("javafx.");
        }).map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        String out = tool("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", input.resolve(MAIN_JAR).toString());
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.matches("[a-z0-9.,]+")) {
            throw new IllegalStateException("jdeps did not print a module list:\n" + out);
        }
        return List.of(last.split(","));
    }

    // ---- class-data sharing -------------------------------------------------------------------------------

    /**
     * Opens the app's window once on {@code runtime}, and runs the command line once, to list the classes
     * their start loads.
     *
     * @return the list: the runtime's own default list and every class those starts loaded; null if no window
     *         could open and {@code --cds=auto}
     */
    private Path classList(Path runtime, Path input) throws Exception {
        Path window = work.resolve("window.classlist");
        Path commands = work.resolve("commands.classlist");
        String cp = list(input, ".jar").stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        Path java = javaIn(runtime);
        Run shown = run(withDisplay(List.of(java.toString(), "-XX:DumpLoadedClassList=" + window, "-cp", cp, MAIN_CLASS,
                "--benchmark-start")), 120);
        if (shown.status != 0 || !shown.out.contains("first-frame")) {
            String why = "the window did not open to list the classes of its start (status " + shown.status + "): "
                    + shown.err.strip();
            if (cds.equals("auto")) {
                System.out.println("No class-data archive: " + why);
                return null;
            }
            throw new IllegalStateException(why + "\nBuild where a window can open (on Linux without a display: "
                    + "install Xvfb's xvfb-run), or without the archive: -Ddist.cds=false");
        }
        Run presets = run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + commands, "-cp", cp, MAIN_CLASS, "presets"), 60);
        check(presets, "presets before the archive");
        Set<String> lines = new LinkedHashSet<>(Files.readAllLines(runtime.resolve("lib").resolve("classlist")));
        for (Path list : List.of(window, commands)) {
            for (String line : Files.readAllLines(list)) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        Path classlist = work.resolve(PACKAGE_NAME + ".classlist");
        Files.write(classlist, lines);
        System.out.printf(Locale.ROOT, "Class list: %,d classes%n", lines.size());
        return classlist;
    }

    /** Dumps the runtime's classes named in {@code classlist} into the runtime's default archive. */
    private void dumpIntoRuntime(Path runtime, Path classlist, Set<String> ours) throws Exception {
        List<String> lines = Files.readAllLines(classlist).stream().filter(l -> inRuntime(l, ours)).toList();
        Path runtimeOnly = work.resolve("runtime.classlist");
        Files.write(runtimeOnly, lines);
        Run dump = run(List.of(javaIn(runtime).toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + runtimeOnly), 300);
        check(dump, "the class-data dump");
        System.out.printf(Locale.ROOT, "Class-data archive: %d classes listed, %s%n", lines.size(),
                mib(size(archiveIn(runtime))));
    }

    private Path javaIn(Path runtime) {
        return runtime.resolve("bin").resolve(os.contains("win") ? "java.exe" : "java");
    }

    /** @return the command, run through xvfb-run on Linux when there is no display and xvfb-run is installed */
    private List<String> withDisplay(List<String> command) {
        boolean linux = os.contains("linux");
        if (!linux || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            return command;
        }
        boolean xvfb = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "xvfb-run")));
        if (!xvfb) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"));
        c.addAll(command);
        return c;
    }

    /**
     * @param line a line of a class list: a class name ({@code java/lang/Object id: 1}), or a lambda proxy
     *             ({@code @lambda-proxy caller ...}), or a lambda form
     * @param ours the packages of the app's own jars (never in the runtime)
     */
    static boolean inRuntime(String line, Set<String> ours) {
        String[] words = line.split(" ");
        String cls = line.startsWith("@lambda-proxy ") ? words[1] : line.startsWith("@") ? null : words[0];
        if (cls == null) {
            return true;
        }
        int slash = cls.lastIndexOf('/');
        return slash < 0 || !ours.contains(cls.substring(0, slash));
    }

    /** @return every package (a/b/c) that has a class in the jars of {@code folder} */
    private static Set<String> packagesIn(Path folder) throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path jar : list(folder, ".jar")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    // a multi-release jar's classes count under their own package
                    String n = e.getName().replaceFirst("^META-INF/versions/\\d+/", "");
                    if (n.endsWith(".class") && n.contains("/")) {
                        packages.add(n.substring(0, n.lastIndexOf('/')));
                    }
                }
            }
        }
        return packages;
    }

    /** @return the default archive of the runtime inside {@code root} (an app image or a runtime) */
    private static Path archiveIn(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("classes.jsa")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no classes.jsa under " + root));
        }
    }

    // ---- jpackage -----------------------------------------------------------------------------------------

    /** @param classlist the class list the Linux launcher dumps an archive of on the first start, or null */
    private Path appImage(Path input, Path runtime, Path classlist) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", NAME, "--app-version", version,
                "--dest", dist.toString(), "--input", input.toString(), "--main-jar", MAIN_JAR,
                "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString(),
                "--description", DESCRIPTION, "--vendor", "Backprop Lab", "--icon", icon().toString()));
        for (String o : JAVA_OPTIONS) {
            args.addAll(List.of("--java-options", o));
        }
        if (os.contains("win")) {
            // the window's launcher has no console; this one prints the command line's output
            Path cli = work.resolve("backprop-lab.properties");
            Files.writeString(cli, "win-console=true\n");
            args.addAll(List.of("--add-launcher", PACKAGE_NAME + "=" + cli));
        }
        tool("jpackage", args.toArray(String[]::new));
        Path image = dist.resolve(os.contains("mac") ? NAME + ".app" : NAME);
        if (os.contains("linux")) {
            shellLauncher(image, input, classlist);
        }
        return image;
    }

    /**
     * Replaces jpackage's Linux launcher by a shell script that starts the same: JDK 17's launcher asks rpm and
     * dpkg at every start which package it belongs to ({@code dpkg -S}: a tenth of a second or more, the longer
     * the more packages the machine has).
     *
     * <p>With a class list, the script also looks for the class-data archive in the user's cache
     * ({@code $XDG_CACHE_HOME/backprop-lab}, else {@code ~/.cache/backprop-lab}), named after the version and a
     * checksum of where the app is installed and of its jar (an archive is only valid with the very jars it was
     * made from). It maps the archive when it is there; otherwise it starts without and, in the background at
     * the lowest priority, dumps one (about 4 s of processor time), written under a temporary name and renamed,
     * so that two starts at once never see half an archive. Once it is made, only the {@value #KEPT_ARCHIVES} newest
     * archives stay in the cache (this one and the one before, so that two versions used in turn keep theirs): each
     * update or reinstall makes a new one of about 50 MiB, and the old ones would pile up. Nothing is printed; a cache
     * that cannot be written just means no archive. An archive the JVM cannot use (another Java, a damaged file) is
     * ignored by it.
     */
    private void shellLauncher(Path image, Path input, Path classlist) throws IOException {
        String classPath = list(input, ".jar").stream()
                .map(j -> "$app/lib/app/" + j.getFileName())
                .sorted(Comparator.comparing((String j) -> !j.endsWith("/" + MAIN_JAR)))
                .collect(Collectors.joining(":"));
        StringBuilder script = new StringBuilder("#!/bin/sh\n"
                + "# Starts Backprop Lab with the Java runtime beside it (written by src/dist/Packaging.java).\n"
                + "app=\"$(readlink -f \"$(dirname \"$(readlink -f \"$0\")\")/..\")\"\n"
                + "java=\"$app/lib/runtime/bin/java\"\n"
                + "cp=\"" + classPath + "\"\n"
                + "share=\n");
        if (classlist != null) {
            Files.copy(classlist, image.resolve("lib").resolve(classlist.getFileName()));
            script.append("# The class-data archive: made by the first start, mapped by every later one.\n"
                    + "list=\"$app/lib/" + classlist.getFileName() + "\"\n"
                    + "cache=\"${XDG_CACHE_HOME:-$HOME/.cache}/" + PACKAGE_NAME + "\"\n"
                    + "key=$({ echo \"$app\"; ls -l --time-style=+%s \"$app/lib/app/" + MAIN_JAR + "\"; } 2>/dev/null | cksum | cut -d' ' -f1)\n"
                    + "jsa=\"$cache/classes-" + version + "-$key.jsa\"\n"
                    + "if [ -r \"$jsa\" ]; then\n"
                    + "  share=\"-XX:SharedArchiveFile=$jsa\"\n"
                    + "elif [ -r \"$list\" ] && mkdir -p \"$cache\" 2>/dev/null; then\n"
                    + "  # one start makes it (the others start without it meanwhile); the lock of a dump that was\n"
                    + "  # killed is taken over after ten minutes\n"
                    + "  lock=\"$jsa.making\"\n"
                    + "  [ -n \"$(find \"$lock\" -maxdepth 0 -mmin +10 2>/dev/null)\" ] && rmdir \"$lock\" 2>/dev/null\n"
                    + "  if mkdir \"$lock\" 2>/dev/null; then\n"
                    + "    ( nice -n 19 \"$java\" -Xshare:dump -XX:SharedClassListFile=\"$list\" -XX:SharedArchiveFile=\"$jsa.$$\" -cp \"$cp\" \\\n"
                    + "        && mv -f \"$jsa.$$\" \"$jsa\" && { ls -t \"$cache\"/classes-*.jsa | tail -n +" + (KEPT_ARCHIVES + 1)
                    + " | while IFS= read -r old; do rm -f \"$old\"; done; } \\\n"
                    + "        || rm -f \"$jsa.$$\"; rmdir \"$lock\" ) </dev/null >/dev/null 2>&1 &\n"
                    + "  fi\n"
                    + "fi\n");
        }
        script.append("exec \"$java\" " + String.join(" ", JAVA_OPTIONS) + " ${share:+\"$share\"} -cp \"$cp\" " + MAIN_CLASS + " \"$@\"\n");
        Path launcher = image.resolve("bin").resolve(NAME);
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
    }

    private Path icon() {
        return assets.resolve(os.contains("win") ? "icon.ico" : os.contains("mac") ? "icon.icns" : "icon-256.png");
    }

    /** @return the launcher that prints to the terminal: bin/BackpropLab, backprop-lab.exe, Contents/MacOS/BackpropLab */
    private Path launcher(Path image) {
        if (os.contains("win")) {
            return image.resolve(PACKAGE_NAME + ".exe");
        }
        return os.contains("mac") ? image.resolve("Contents/MacOS/" + NAME) : image.resolve("bin/" + NAME);
    }

    /**
     * The launcher runs the command line and exits 0, prints nothing it was not asked for, and maps the archive
     * (on Linux the one its first start made, in a cache folder of the build's own).
     */
    private void tryLauncher(Path image, boolean archived) throws Exception {
        Path launcher = launcher(image);
        Path cache = work.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        List<Path> older = archived && os.contains("linux") ? olderArchives(cache.resolve(PACKAGE_NAME)) : List.of();
        Run presets = run(List.of(launcher.toString(), "presets"), 60, env);
        check(presets, launcher + " presets");
        if (!presets.out.lines().anyMatch(l -> l.startsWith("xor")) || !presets.err.isEmpty()) {
            throw new IllegalStateException(launcher + " presets printed\n" + presets.out + presets.err);
        }
        Run v = run(List.of(launcher.toString(), "--version"), 60, env);
        check(v, launcher + " --version");
        if (!v.out.strip().equals("Backprop Lab " + version)) {
            throw new IllegalStateException(launcher + " --version printed '" + v.out.strip() + "', expected Backprop Lab " + version);
        }
        String made = "";
        if (archived) {
            if (os.contains("linux")) {
                Path jsa = awaitArchive(cache.resolve(PACKAGE_NAME));
                made = "; the first start made " + jsa.getFileName() + " (" + mib(Files.size(jsa)) + ")"
                        + checkOlderRemoved(cache.resolve(PACKAGE_NAME), older);
            }
            // with -Xshare:on the JVM refuses to start unless it maps the archive
            Map<String, String> on = new LinkedHashMap<>(env);
            on.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            Run shared = run(List.of(launcher.toString(), "presets"), 60, on);
            check(shared, launcher + " presets with -Xshare:on");
        }
        System.out.println(launcher + " presets: exit 0, the presets listed, nothing on stderr; --version: Backprop Lab "
                + version + made + (archived ? "; the class-data archive maps" : ""));
    }

    /**
     * Puts three archives of older versions in the cache {@code folder}, one, two and three days old, as updates
     * leave them.
     *
     * @return them, oldest first
     */
    private static List<Path> olderArchives(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> older = new ArrayList<>();
        for (int days = 3; days >= 1; days--) {
            Path old = folder.resolve("classes-0.0." + days + "-" + days + ".jsa");
            Files.write(old, new byte[] {0});
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(java.time.Duration.ofDays(days))));
            older.add(old);
        }
        return older;
    }

    /**
     * Waits until the first start's dump has finished (its lock is gone), then checks that the cache kept the
     * {@value #KEPT_ARCHIVES} newest archives: the new one and the newest of {@code older}.
     */
    private static String checkOlderRemoved(Path folder, List<Path> older) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (hasLock(folder)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the launcher's dump in " + folder + " kept its lock for a minute");
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < older.size(); i++) {
            boolean kept = i >= older.size() - (KEPT_ARCHIVES - 1);
            if (Files.exists(older.get(i)) != kept) {
                throw new IllegalStateException("the launcher's first start " + (kept ? "removed " : "kept ") + older.get(i)
                        + ": expected the " + KEPT_ARCHIVES + " newest archives to stay and the older ones to go");
            }
        }
        return ", and removed the archives older than the " + KEPT_ARCHIVES + " newest";
    }

    private static boolean hasLock(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".making"));
        }
    }

    /** @return the archive the launcher's first start dumps in the background into {@code folder}, once renamed */
    private Path awaitArchive(Path folder) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        String ours = "classes-" + version + "-";
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    Optional<Path> jsa = s.filter(p -> p.getFileName().toString().startsWith(ours)
                            && p.getFileName().toString().endsWith(".jsa")).findFirst();
                    if (jsa.isPresent()) {
                        return jsa.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the launcher's first start made no class-data archive in " + folder + " within 5 minutes");
    }

    private Path installer(Path image) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--name", NAME,
                "--app-version", version, "--dest", dist.toString(), "--description", DESCRIPTION,
                "--vendor", "Backprop Lab"));
        Path own = resources.resolve(os.contains("win") ? "windows" : os.contains("mac") ? "macos" : "linux");
        if (Files.isDirectory(own)) {
            args.addAll(List.of("--resource-dir", own.toString()));
        }
        if (os.contains("linux")) {
            args.addAll(List.of("--linux-package-name", PACKAGE_NAME, "--linux-shortcut",
                    "--linux-menu-group", "Education;Science;", "--linux-app-category", "education",
                    "--icon", icon().toString()));
        } else if (os.contains("win")) {
            args.addAll(List.of("--win-menu", "--win-menu-group", "Backprop Lab", "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
        } else if (os.contains("mac")) {
            args.addAll(List.of("--mac-package-name", "Backprop Lab"));
        }
        tool("jpackage", args.toArray(String[]::new));
        try (Stream<Path> s = Files.list(dist)) {
            return s.filter(p -> p.getFileName().toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("jpackage made no ." + type + " in " + dist));
        }
    }

    // ---- style sheets in binary form ---------------------------------------------------------------------

    /**
     * Adds to {@code jar}, beside each of its style sheets, the sheet compiled to JavaFX's binary form by JavaFX's own
     * {@code Css2Bin} ({@code app.css} → {@code app.bss}): JavaFX reads a {@code .bss} found beside a {@code .css}
     * instead of parsing the text. Parsing the app's style sheets took the window's thread about 25 ms before its
     * first frame (JFR samples); reading them compiled takes next to nothing.
     */
    private void compileStylesheets(Path runtime, Path jar) throws Exception {
        Path javaCommand = runtime.resolve("bin").resolve(os.contains("win") ? "java.exe" : "java");
        Path tmp = Files.createTempDirectory(work, "css");
        int n = 0;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            List<Path> sheets;
            try (Stream<Path> s = Files.walk(zip.getPath("/"))) {
                sheets = s.filter(p -> p.toString().endsWith(".css")).toList();
            }
            for (Path css : sheets) {
                Path in = tmp.resolve("sheet.css");
                Path out = tmp.resolve("sheet.bss");
                Files.copy(css, in, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(out);
                check(run(List.of(javaCommand.toString(), "-m", "javafx.graphics/com.sun.javafx.css.parser.Css2Bin",
                        in.toString(), out.toString()), 60), "compiling the style sheet " + css);
                String name = css.getFileName().toString();
                Files.copy(out, css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss"));
                n++;
            }
        }
        deleteTree(tmp);
        System.out.println("Style sheets compiled: " + n);
    }

    // ---- running tools and commands -----------------------------------------------------------------------

    /** Runs a JDK tool in this JVM; its output is returned, and printed only if it fails. */
    private static String tool(String name, String... args) {
        ToolProvider t = ToolProvider.findFirst(name).orElseThrow(
                () -> new IllegalStateException("this JDK has no " + name + " (a JDK 17 or newer has it)"));
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        System.out.println(name + " " + String.join(" ", args));
        int status = t.run(w, w, args);
        w.flush();
        if (status != 0) {
            throw new IllegalStateException(name + " failed with status " + status + ":\n" + out);
        }
        return out.toString();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
        return run(command, seconds, Map.of());
    }

    private static Run run(List<String> command, int seconds, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        String e = err.join();
        // the JVM says so when JAVA_TOOL_OPTIONS is set: not the app's output
        e = e.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).collect(Collectors.joining("\n"));
        return new Run(p.exitValue(), out.join(), e);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Run r, String what) {
        if (r.status != 0) {
            throw new IllegalStateException(what + " failed with status " + r.status + ":\n" + r.out + r.err);
        }
    }

    // ---- files --------------------------------------------------------------------------------------------

    /** @return the files of {@code folder} whose names end with {@code suffix}, sorted */
    private static List<Path> list(Path folder, String suffix) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return e.g. {@code 98.8 MiB} (as du -h counts) */
    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
