package io.inferscale.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferscale.core.forecast.CalendarDays;
import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.RollingOriginEvaluation;
import io.inferscale.core.forecast.SeasonalNaive;
import io.inferscale.core.forecast.TrailingMean;
import io.inferscale.core.trace.PerMinuteSeries;
import io.inferscale.forecast.dnn.DnnForecaster;
import io.inferscale.forecast.domain.ForecasterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DNN benchmark on the NASA trace (train July 1-21, test 22-28): the forecast-eval CLI's own
 * code path with the DNN registered, at 5, 15 and 30 min, then latency and RSS. A separate command,
 * not part of {@code verify} (the name matches neither *Test nor *IT):
 *
 * <pre>
 * ./mvnw -B -pl forecast-service test -Dtest=DnnEvalBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Output: target/surefire-reports/io.inferscale.forecast.eval.DnnEvalBenchmark-output.txt and
 * target/dnn-benchmark/forecast-eval-h{5,15,30}.json. {@code -Ddnn.bench.everyMinute=true} adds a
 * run with an origin every minute (60x the scored points: less noise than hourly origins).
 */
class DnnEvalBenchmark {
    private static final int[] HORIZONS = {5, 15, 30};

    @Test
    void nasa() throws Exception {
        Path traces =
                Paths.get(
                        System.getenv()
                                .getOrDefault("INFERSCALE_TRACES_DIR", "../../shared/traces"));
        Path csv = traces.resolve("nasa_http_1995/nasa_http_1995_07_per_minute.csv");
        assumeTrue(Files.exists(csv), "NASA trace not found at " + csv + ": benchmark skipped");
        Path out = Paths.get("target/dnn-benchmark");
        Files.createDirectories(out);
        List<DnnForecaster> created = new ArrayList<>();
        // The standard set (whether or not it lists the DNN yet), with a DNN whose reports we keep.
        ForecasterRegistry standard = ForecasterRegistry.standard();
        ForecasterRegistry registry = new ForecasterRegistry();
        for (String name : standard.names()) {
            if (!name.equals(DnnForecaster.NAME)) {
                registry.register(name, () -> standard.create(name));
            }
        }
        registry.register(
                DnnForecaster.NAME,
                () -> {
                    DnnForecaster d = DnnForecaster.withDefaults();
                    created.add(d);
                    return d;
                });
        PrintStream stdout = System.out;
        for (int h : HORIZONS) {
            String[] argv = {
                "--train",
                csv.toString(),
                "--train-days",
                "1-21",
                "--test-days",
                "22-28",
                "--horizon-minutes",
                Integer.toString(h),
                "--json",
                out.resolve("forecast-eval-h" + h + ".json").toString()
            };
            stdout.println("\n$ forecast-eval " + String.join(" ", argv));
            int rc = ForecastEvalMain.run(argv, stdout, System.err, registry);
            assertThat(rc).isZero();
            DnnForecaster dnn = created.get(created.size() - 1);
            stdout.println("dnn training: " + dnn.lastReport());
        }
        DnnForecaster dnn = created.get(created.size() - 1);
        PerMinuteSeries file = PerMinuteSeries.read(csv, 1.0);
        DemandSeries train = CalendarDays.days(file, 1, 21);
        DemandSeries test = CalendarDays.days(file, 22, 28);
        latency(dnn, train);
        oracle(train, test);
        if (Boolean.getBoolean("dnn.bench.everyMinute")) {
            everyMinute(train, test);
        }
        created.forEach(DnnForecaster::close);
        stdout.println("\n" + rss());
    }

    /** One forecast (all 30 steps) from a week of history, after warm-up. */
    private static void latency(DnnForecaster dnn, DemandSeries recent) {
        double[] levels = {0.5, 0.9};
        for (int i = 0; i < 200; i++) {
            dnn.forecast(recent, 30, levels);
        }
        int n = 2000;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            dnn.forecast(recent, 30, levels);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                "%ndnn forecast (30 steps, 11 levels): p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d calls%n",
                ms[n / 2], ms[n * 99 / 100], ms[n - 1], n);
    }

    private static void everyMinute(DemandSeries train, DemandSeries test) {
        for (int h : HORIZONS) {
            List<DemandForecaster> fs =
                    List.of(
                            SeasonalNaive.daily(),
                            new TrailingMean(),
                            DnnForecaster.withDefaults());
            RollingOriginEvaluation.Report r =
                    new RollingOriginEvaluation(h, Duration.ofMinutes(1)).run(train, test, fs);
            System.out.printf(
                    "%norigins every minute, horizon %d min, %d origins%n", h, r.origins());
            for (RollingOriginEvaluation.Score s : r.scores()) {
                System.out.printf(
                        "  %-22s mase %.3f  p90_cov %.3f  pinball_p90 %.3f%n",
                        s.name(), s.mase(), s.p90Coverage(), s.pinballP90());
            }
            ((DnnForecaster) fs.get(2)).close();
        }
    }

    /**
     * How noisy the minutes are: the MASE of an oracle that peeks at the future (the median of the
     * 31 minutes centred on each target), and the variance/mean ratio around the centred mean (1
     * for Poisson counts). No forecaster can be expected to do much better than this oracle.
     */
    private static void oracle(DemandSeries train, DemandSeries test) {
        double scale = io.inferscale.core.forecast.ForecastMetrics.maseScale(train);
        double[] y = test.values();
        int half = 15;
        for (int every : new int[] {60, 1}) {
            StringBuilder sb = new StringBuilder();
            for (int h : HORIZONS) {
                double sum = 0;
                int n = 0;
                for (int o = 0; o + h - 1 < y.length; o += every) {
                    int t = o + h - 1;
                    double[] w =
                            Arrays.copyOfRange(
                                    y, Math.max(0, t - half), Math.min(y.length, t + half + 1));
                    w = Arrays.stream(w).filter(v -> !Double.isNaN(v)).sorted().toArray();
                    if (!Double.isNaN(y[t]) && w.length > 0) {
                        sum += Math.abs(y[t] - w[w.length / 2]);
                        n++;
                    }
                }
                sb.append(String.format("  h=%d: %.3f", h, sum / n / scale));
            }
            System.out.printf(
                    "%noracle (future centred 31-min median) MASE, origins every %d min:%s",
                    every, sb);
        }
        double num = 0;
        double den = 0;
        for (int t = half; t + half < y.length; t++) {
            double m = 0;
            for (int i = t - half; i <= t + half; i++) {
                m += y[i];
            }
            m /= 2 * half + 1;
            if (!Double.isNaN(m)) {
                num += (y[t] - m) * (y[t] - m);
                den += m;
            }
        }
        System.out.printf(
                "%ntest minutes: variance / mean around the centred 31-min mean %.2f (Poisson: 1)%n",
                num / den);
    }

    private static String rss() throws Exception {
        StringBuilder sb = new StringBuilder("JVM memory (/proc/self/status):");
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
                sb.append("  ").append(line.replaceAll("\\s+", " "));
            }
        }
        return sb.toString();
    }
}
