package io.inferscale.forecast.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code forecast-eval} command line, validated: every problem is an {@link EvalUsageException}
 * naming its flag. See {@link #USAGE}.
 *
 * @param test the test file; null when the test days come from the training file
 * @param trainDays null for the whole training file
 * @param testDays null for the whole test file
 */
record EvalArgs(
        Path train,
        Path test,
        DayRange trainDays,
        DayRange testDays,
        int horizonMinutes,
        double scale,
        Path json,
        List<String> models) {

    static final String USAGE =
            """
            Usage: bin/inferscale forecast-eval --train PATH (--test PATH | --test-days D-D) [options]

            Fits every forecaster on the per-minute demand series in --train, then walks forward
            through the test series with an origin every hour (each forecaster sees the actual
            history up to the origin, never later) and scores the forecast made at each origin for
            exactly --horizon-minutes ahead. Minutes marked outage=1 (or absent) are missing: never
            read as zero, and never scored. Prints a table; --json writes the same as JSON.

              --train PATH              per-minute CSV (minute_start_local/unix_time_s, requests,
                                        outage) to fit on
              --test PATH               per-minute CSV to walk through; must start at or after the
                                        end of the training data
              --train-days D-D          only these calendar days of --train, e.g. 1-21
              --test-days D-D           only these days of --test, or of --train when --test is
                                        not given, e.g. 22-28 (one file, split by days)
                                        Day numbers are days of the month of the file's first row,
                                        in the file's local time (its UTC offset).
              --horizon-minutes N       the scored step after each origin (default 15)
              --scale X                 multiply every count by X (default 1)
              --json PATH               also write the results as JSON
              --models LIST             forecasters to evaluate, comma-separated (default: all
                                        registered): %s
              --help                    this text

            Measures: MASE and sMAPE (percent) of the p50, MASE scaled by the daily seasonal-naive
            in-sample MAE of the training series; pinball loss of the p90 (requests per minute, after
            --scale) and the fraction of actuals at or below the p90 (p90 coverage).
            Exit codes: 0 done, 1 the data could not be read or a forecaster failed, 2 bad arguments.
            """;

    private static final Set<String> FLAGS =
            Set.of(
                    "--train",
                    "--test",
                    "--train-days",
                    "--test-days",
                    "--horizon-minutes",
                    "--scale",
                    "--json",
                    "--models");

    static String usage(List<String> known) {
        return USAGE.formatted(String.join(", ", known));
    }

    static boolean wantsHelp(String[] argv) {
        for (String a : argv) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param known the registered forecaster names, in order (the default for --models)
     */
    static EvalArgs parse(String[] argv, List<String> known) {
        Map<String, String> raw = split(argv);
        Path train = file(raw, "--train");
        if (train == null) {
            throw new EvalUsageException("--train", "is required (a per-minute CSV to fit on)");
        }
        Path test = file(raw, "--test");
        DayRange testDays = value(raw, "--test-days", null, DayRange::parse);
        if (test == null && testDays == null) {
            throw new EvalUsageException(
                    "--test", "is required (a per-minute CSV), or --test-days to split --train");
        }
        int horizon = value(raw, "--horizon-minutes", "15", Integer::parseInt);
        if (horizon < 1 || horizon > 7 * 24 * 60) {
            throw new EvalUsageException(
                    "--horizon-minutes", "must be 1..10080 minutes, was " + horizon);
        }
        double scale = value(raw, "--scale", "1", Double::parseDouble);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new EvalUsageException("--scale", "must be a finite number > 0, was " + scale);
        }
        return new EvalArgs(
                train,
                test,
                value(raw, "--train-days", null, DayRange::parse),
                testDays,
                horizon,
                scale,
                value(raw, "--json", null, Path::of),
                models(raw.getOrDefault("--models", String.join(",", known)), known));
    }

    /**
     * Splits {@code --flag value} and {@code --flag=value}, rejecting unknown and repeated flags.
     */
    private static Map<String, String> split(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            if (!FLAGS.contains(flag)) {
                throw new EvalUsageException(
                        flag, flag.startsWith("--") ? "unknown option" : "unexpected argument");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                value = argv[++i];
            } else {
                throw new EvalUsageException(flag, "needs a value");
            }
            if (values.put(flag, value) != null) {
                throw new EvalUsageException(flag, "given twice");
            }
        }
        return values;
    }

    private static Path file(Map<String, String> raw, String flag) {
        String value = raw.get(flag);
        if (value == null) {
            return null;
        }
        Path p = Path.of(value);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new EvalUsageException(flag, "no readable file at " + value);
        }
        return p;
    }

    private static <T> T value(
            Map<String, String> raw, String flag, String fallback, Function<String, T> parser) {
        String v = raw.getOrDefault(flag, fallback);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v.trim());
        } catch (NumberFormatException e) {
            throw new EvalUsageException(flag, "not a number: \"" + v + "\"");
        } catch (RuntimeException e) {
            throw new EvalUsageException(flag, e.getMessage());
        }
    }

    private static List<String> models(String list, List<String> known) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : list.split(",", -1)) {
            String name = n.trim();
            if (!known.contains(name)) {
                throw new EvalUsageException(
                        "--models",
                        "unknown forecaster \"" + name + "\"; known: " + String.join(", ", known));
            }
            if (!names.add(name)) {
                throw new EvalUsageException("--models", "\"" + name + "\" is listed twice");
            }
        }
        return new ArrayList<>(names);
    }
}
