package org.backproplab.cli;

import java.util.Map;
import java.util.Stack;
import org.backproplab.text.Allowed;
import org.backproplab.text.NumberText;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The numeric options of the command line, read by the window's one number parser ({@link NumberText}): an
 * optional sign, digits with at most one decimal point, an optional exponent ({@code 0.5}, {@code 1e-3},
 * {@code 1500}, {@code 2e4} for a count). Java's other spellings ({@code 0x1p3}, {@code 1d}, {@code 1f},
 * {@code 0x10}, {@code 1_000}, {@code NaN}, {@code Infinity}) are refused with the window's message, which names
 * the value, the option and what it allows:
 * <pre>'0x1p3' in --learning-rate: expected a number ≥ 0, such as 0.5</pre>
 * Each option names its reader as its {@code preprocessor}, which reads the value before picocli does and hands
 * picocli the number written plainly ({@code 1e3} becomes {@code 1000}). A picocli type converter does not know
 * which option it reads, so its refusal could not name the option in the window's words.
 */
final class NumberOptions {
    private NumberOptions() {
    }

    /**
     * Reads the option's value with {@link #read} and puts it back written plainly, for picocli to store; a refusal is
     * a user error naming the option.
     */
    abstract static class Reader implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
            String option = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            if (args.isEmpty()) {
                throw new ParameterException(command.commandLine(), "missing value for " + option + ": expected "
                        + allowed().describe(), arg, null);
            }
            String text = args.pop();
            try {
                args.push(read(text, option).toString());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage(), arg, text);
            }
            return false;
        }

        /** @return what the option accepts */
        abstract Allowed allowed();

        /** @return the value {@code text} denotes, a Long or a Double as the option's field */
        Object read(String text, String option) {
            Allowed a = allowed();
            return a.whole() ? (Object) NumberText.parseWhole(text, option, (long) a.min(), (long) a.max())
                    : (Object) NumberText.parse(text, option, a);
        }
    }

    /** {@code --learning-rate}: η, a finite number ≥ 0, as in the window's η field. */
    static final class LearningRate extends Reader {
        @Override
        Allowed allowed() {
            return Allowed.atLeast(0, 0.5);
        }
    }

    /** {@code --l2}, {@code --l1}: the strength λ of a penalty, a finite number ≥ 0, as in the window's λ field. */
    static final class Lambda extends Reader {
        @Override
        Allowed allowed() {
            return Allowed.atLeast(0, 0.001);
        }
    }

    /** {@code --seed}: any whole number that fits in 64 bits. */
    static final class Seed extends Reader {
        @Override
        Allowed allowed() {
            return Allowed.whole(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** {@code --iterations}, {@code --epochs}: 0 to {@link TrainCommand#MAX_ITERATIONS}. */
    static final class Count extends Reader {
        @Override
        Allowed allowed() {
            return Allowed.whole(0, TrainCommand.MAX_ITERATIONS);
        }
    }

    /** {@code --every}: 1 or more. */
    static final class Every extends Reader {
        @Override
        Allowed allowed() {
            return Allowed.whole(1, Long.MAX_VALUE);
        }
    }
}
