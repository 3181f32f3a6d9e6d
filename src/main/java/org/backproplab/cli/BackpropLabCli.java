package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.backproplab.about.AppInfo;
import org.backproplab.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code train}, {@code presets}, {@code export}, {@code export-code}, {@code gradcheck}, {@code grade}. Runs without
 * JavaFX. Exit status 0 on success, 2 on any user error (one line on stderr, never a stack trace), 1 when
 * a gradient check fails or on an internal error, {@value #DIVERGED} when {@code train} diverged (the loss or a
 * weight became NaN or infinite: the last finite state is printed and saved instead).
 *
 * <p>Everything printed that came from outside (a file's names, labels and descriptions, a path, a value in an
 * error message) goes through {@link TerminalText#escape}: a file cannot send control sequences to the terminal.
 */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, versionProvider = BackpropLabCli.Version.class,
        description = "See a neural network learn: train, export and check the built-in scenarios; grade a class's results.",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {
            "0:success",
            "1:gradcheck found a gradient that disagrees, or an internal error",
            "2:a user error: unknown preset or option, bad file or folder, bad number, unwritable path (one line on stderr)",
            "3:train diverged (the loss or a weight became NaN or infinite); the last finite state is printed and saved",
            "130:Ctrl+C interrupted gradcheck (one line on stderr)"},
        subcommands = {TrainCommand.class, PresetsCommand.class, ExportCommand.class, ExportCodeCommand.class, GradcheckCommand.class,
            GradeCommand.class, CommandLine.HelpCommand.class})
public final class BackpropLabCli implements Runnable {
    /** The exit status of a user error. */
    public static final int USER_ERROR = 2;
    /** The exit status of a {@code train} run that diverged. */
    public static final int DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the pom's version, as Help → About shows it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.nameAndVersion()};
        }
    }

    /** Without a subcommand: the usage, and a user error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: expected one of " + spec.subcommands().keySet());
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments, e.g. {@code train --preset xor}
     * @param out  where results go
     * @param err  where errors and the progress bar go
     * @return the exit status: 0 success, 1 failed check or internal error, 2 user error, 3 training diverged,
     *         130 gradcheck interrupted by Ctrl+C
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new BackpropLabCli());
        cl.setOut(o);
        cl.setErr(e);
        cl.setParameterExceptionHandler((ex, a) -> {
            e.println("backprop-lab: " + TerminalText.escape(oneLine(ex.getMessage())));
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String user = userMessage(ex);
            e.println("backprop-lab: " + TerminalText.escape(oneLine(user != null ? user : "internal error: " + ex)));
            return user != null ? USER_ERROR : 1;
        });
        int status = cl.execute(args);
        o.flush();
        e.flush();
        return status;
    }

    /** @return the message of an exception a user caused (bad file, bad value), or null for a bug */
    static String userMessage(Exception ex) {
        if (ex instanceof NoSuchFileException n) {
            return (n.getReason() != null ? n.getReason() : "no such file") + ": " + n.getFile();
        }
        if (ex instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (ex instanceof FileSystemException f) {
            return "cannot use " + f.getFile() + (f.getReason() != null ? ": " + f.getReason() : "");
        }
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            return ex.getMessage() == null ? ex.toString() : ex.getMessage();
        }
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
