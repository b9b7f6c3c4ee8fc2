package io.inferscale.fleetsim;

import io.inferscale.core.trace.TraceFormatException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The benchmark CLI ({@code bin/inferscale bench ...}): replays a trace through the fleet simulator
 * for every lb x autoscaler combination and prints a table (and, with {@code --json}, writes the
 * results). Exit codes: 0 done, 1 the trace or the output could not be processed, 2 bad arguments.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (BenchArgs.wantsHelp(argv)) {
            out.print(BenchArgs.usage());
            return 0;
        }
        BenchArgs args;
        try {
            args = BenchArgs.parse(argv);
        } catch (UsageException e) {
            err.println("bench: " + e.getMessage() + " (see --help)");
            return 2;
        }
        try {
            BenchReport report = Benchmark.run(args);
            out.print(ResultTable.render(report.runs()));
            out.printf(
                    Locale.ROOT,
                    "%d run(s) on %d thread(s) in %.1f s: %,.0f simulated requests/s"
                            + " (%,.0f per CPU-second of the run threads)%n",
                    report.runs().size(),
                    report.threads(),
                    report.wallSeconds(),
                    report.simRequestsPerSecond(),
                    report.simRequestsPerCpuSecond());
            if (args.json() != null) {
                ResultJson.write(report, args.json());
                out.println("wrote " + args.json());
            }
            return 0;
        } catch (tools.jackson.core.JacksonException e) {
            err.println("bench: --json: cannot write " + args.json() + ": " + e.getMessage());
            return 1;
        } catch (TraceFormatException | UncheckedIOException | IllegalArgumentException e) {
            // a malformed row, an unreadable file, a scale too large for one minute's buffer
            err.println("bench: " + e.getMessage());
            return 1;
        }
    }
}
