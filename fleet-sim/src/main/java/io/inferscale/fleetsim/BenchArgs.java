package io.inferscale.fleetsim;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.scaling.Autoscalers;
import io.inferscale.core.trace.TraceFormat;
import io.inferscale.core.trace.TraceOffsets;
import io.inferscale.core.trace.TraceOptions;
import io.inferscale.core.trace.TraceReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The benchmark command line, validated: every problem is reported as a {@link UsageException}
 * naming its flag. See {@link #USAGE}.
 */
record BenchArgs(
        Path trace,
        TraceFormat format,
        TraceOptions traceOptions,
        List<Double> fleet,
        List<String> lbs,
        List<String> autoscalers,
        Long sloTtftMs,
        Long sloLatencyMs,
        long seed,
        Path json,
        ReplicaConfig.Mode replicaMode,
        Duration provisioningDelay,
        int threads,
        int repeat,
        Path forecastHistory,
        String forecaster,
        Duration refitEvery,
        int maxStep,
        Duration scaleDownWindow,
        Integer hpaStep) {

    static final String USAGE =
            """
            Usage: bin/inferscale bench --trace PATH [options]

            Replays a trace through the fleet simulator (virtual time) for every combination of
            routing policy and autoscaler, on the same arrivals, and prints one row per run.

              --trace PATH              trace file (Azure LLM CSV, Mooncake JSONL or per-minute CSV)
              --format NAME             auto (default), azure-llm, mooncake, per-minute
              --scale X                 request-rate factor (default 1)
              --fleet SPEC              initial fleet, COUNTxSPEED groups (default 4x1.0), e.g. 4x1.0,4x0.5
              --from T, --to T          replay window: ISO date-time or offset from the first arrival
                                        (25m, 2h, 14d, 1h30m, PT25M)
              --lb LIST                 routing policies, comma-separated (default p2c): %s
              --autoscaler LIST         autoscalers, comma-separated (default static): %s
              --slo-ttft-ms N           time-to-first-token objective
              --slo-latency-ms N        end-to-end latency objective
              --seed N                  seeds arrivals, routing and service times (default 1)
              --json PATH               also write the results as JSON
              --replica llm|simple      replica model (default: simple for per-minute traces, else llm)
              --provisioning-delay D    cold start of an added replica (default 120s)
              --threads N               runs in parallel (default: available processors)
              --repeat N                replay the window N times back to back (default 1), for
                                        throughput measurements on short traces
              --forecast-history PATH   predictive: per-minute CSV whose minutes before the replay
                                        window's start are trained on first (may be the replayed
                                        file itself, with --from after the history); without it
                                        the forecaster learns from the replay as it goes
              --forecaster NAME         predictive: %s (default %s)
              --refit-every D           predictive: refit the forecaster this often (default 1h)
              --max-step N              predictive: most replicas added or removed per 15 s
                                        decision (policy maxStep, default %d)
              --scale-down-window D     predictive: scale-down stabilisation (default %s)
              --hpa-step N              hpa: at most N pods up and down per 15 s (default: the
                                        upstream behaviour, max(4 pods, 100%%) up, 100%% down)
              --help                    this text
            """;

    /** Flags that take a value; --help takes none. */
    private static final Set<String> FLAGS =
            Set.of(
                    "--trace",
                    "--format",
                    "--scale",
                    "--fleet",
                    "--from",
                    "--to",
                    "--lb",
                    "--autoscaler",
                    "--slo-ttft-ms",
                    "--slo-latency-ms",
                    "--seed",
                    "--json",
                    "--replica",
                    "--provisioning-delay",
                    "--threads",
                    "--repeat",
                    "--forecast-history",
                    "--forecaster",
                    "--refit-every",
                    "--max-step",
                    "--scale-down-window",
                    "--hpa-step");

    static String usage() {
        return USAGE.formatted(
                String.join(", ", RoutingPolicies.heuristicNames()),
                String.join(", ", autoscalerNames()),
                String.join(", ", BaselineForecasters.NAMES),
                BaselineForecasters.DEFAULT,
                ScalingDefaults.PREDICTIVE_MAX_STEP,
                ScalingDefaults.PREDICTIVE_SCALE_DOWN_WINDOW.toMinutes() + "m");
    }

    /** The core baselines plus the hybrid decider, which needs the simulator's forecasts. */
    static List<String> autoscalerNames() {
        List<String> names = new ArrayList<>(Autoscalers.names());
        names.add(PredictiveAutoscaler.NAME);
        return names;
    }

    /** True when the command line asks for --help (checked before anything is validated). */
    static boolean wantsHelp(String[] argv) {
        for (String a : argv) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    static BenchArgs parse(String[] argv) {
        Map<String, String> raw = ArgMap.parse(argv, FLAGS);
        Path trace = traceFile(raw.get("--trace"));
        TraceFormat format = value(raw, "--format", "auto", v -> TraceFormat.parse(v, trace));
        double scale = value(raw, "--scale", "1", v -> positive(Double.parseDouble(v)));
        Instant traceStart =
                raw.containsKey("--from") || raw.containsKey("--to")
                        ? value(raw, "--trace", null, v -> TraceReaders.traceStart(trace, format))
                        : Instant.EPOCH;
        Duration from = value(raw, "--from", null, v -> TraceOffsets.parse(v, traceStart));
        Duration to = value(raw, "--to", null, v -> TraceOffsets.parse(v, traceStart));
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new UsageException("--to", "must be after --from");
        }
        long seed = value(raw, "--seed", "1", Long::parseLong);
        int repeat = value(raw, "--repeat", "1", v -> positive(Integer.parseInt(v)));
        Path forecastHistory = value(raw, "--forecast-history", null, BenchArgs::readableFile);
        if (forecastHistory != null && repeat > 1) {
            throw new UsageException(
                    "--forecast-history",
                    "cannot be combined with --repeat: a repeated replay leaves the history's clock");
        }
        ReplicaConfig.Mode mode =
                value(
                        raw,
                        "--replica",
                        format == TraceFormat.PER_MINUTE ? "simple" : "llm",
                        BenchArgs::mode);
        return new BenchArgs(
                trace,
                format,
                new TraceOptions(scale, seed, from, to),
                value(raw, "--fleet", "4x1.0", FleetSpec::parse),
                names(raw, "--lb", "p2c", RoutingPolicies.heuristicNames()),
                names(raw, "--autoscaler", "static", autoscalerNames()),
                value(raw, "--slo-ttft-ms", null, v -> positive(Long.parseLong(v))),
                value(raw, "--slo-latency-ms", null, v -> positive(Long.parseLong(v))),
                seed,
                value(raw, "--json", null, Path::of),
                mode,
                value(
                        raw,
                        "--provisioning-delay",
                        "120s",
                        v -> TraceOffsets.parse(v, Instant.EPOCH)),
                value(
                        raw,
                        "--threads",
                        String.valueOf(Runtime.getRuntime().availableProcessors()),
                        v -> positive(Integer.parseInt(v))),
                repeat,
                forecastHistory,
                value(raw, "--forecaster", BaselineForecasters.DEFAULT, BenchArgs::forecaster),
                value(
                        raw,
                        "--refit-every",
                        "1h",
                        v -> atLeastAMinute(TraceOffsets.parse(v, Instant.EPOCH))),
                value(
                        raw,
                        "--max-step",
                        String.valueOf(ScalingDefaults.PREDICTIVE_MAX_STEP),
                        v -> positive(Integer.parseInt(v))),
                value(
                        raw,
                        "--scale-down-window",
                        ScalingDefaults.PREDICTIVE_SCALE_DOWN_WINDOW.toSeconds() + "s",
                        v -> TraceOffsets.parse(v, Instant.EPOCH)),
                value(raw, "--hpa-step", null, v -> positive(Integer.parseInt(v))));
    }

    private static Path readableFile(String value) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("no readable file at " + value);
        }
        return p;
    }

    private static String forecaster(String name) {
        if (!BaselineForecasters.NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "unknown forecaster \""
                            + name
                            + "\"; known: "
                            + String.join(", ", BaselineForecasters.NAMES)
                            + " (the DNN runs in forecast-service only)");
        }
        return name;
    }

    private static Duration atLeastAMinute(Duration d) {
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("must be at least 1m, was " + d);
        }
        return d;
    }

    private static Path traceFile(String value) {
        if (value == null) {
            throw new UsageException("--trace", "is required (a trace file to replay)");
        }
        Path p = Path.of(value);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("--trace", "no readable file at " + value);
        }
        return p;
    }

    /** Parses one flag's value (or its default), wrapping any failure in a UsageException. */
    private static <T> T value(
            Map<String, String> raw, String flag, String fallback, Function<String, T> parser) {
        String v = raw.getOrDefault(flag, fallback);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag, "not a number: \"" + v + "\"");
        } catch (RuntimeException e) {
            throw new UsageException(flag, e.getMessage());
        }
    }

    private static List<String> names(
            Map<String, String> raw, String flag, String fallback, List<String> known) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : raw.getOrDefault(flag, fallback).split(",", -1)) {
            String name = n.trim();
            if (!known.contains(name)) {
                throw new UsageException(
                        flag, "unknown name \"" + name + "\"; known: " + String.join(", ", known));
            }
            if (!names.add(name)) {
                throw new UsageException(flag, "\"" + name + "\" is listed twice");
            }
        }
        return new ArrayList<>(names);
    }

    private static ReplicaConfig.Mode mode(String v) {
        return switch (v) {
            case "llm" -> ReplicaConfig.Mode.LLM;
            case "simple" -> ReplicaConfig.Mode.SIMPLE;
            default ->
                    throw new IllegalArgumentException("expected llm or simple, was \"" + v + "\"");
        };
    }

    private static double positive(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("must be a finite number > 0, was " + v);
        }
        return v;
    }

    private static long positive(long v) {
        if (v <= 0) {
            throw new IllegalArgumentException("must be > 0, was " + v);
        }
        return v;
    }

    private static int positive(int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("must be > 0, was " + v);
        }
        return v;
    }

    /** The replica model every run uses. */
    ReplicaConfig replicaConfig() {
        return replicaMode == ReplicaConfig.Mode.LLM
                ? ReplicaConfig.llmDefaults()
                : ReplicaConfig.simpleDefaults();
    }

    SimSettings settings() {
        return new SimSettings(
                replicaConfig(),
                fleet,
                1.0,
                provisioningDelay.toNanos(),
                sloTtftMs == null ? Long.MAX_VALUE : sloTtftMs * 1_000_000L,
                sloLatencyMs == null ? Long.MAX_VALUE : sloLatencyMs * 1_000_000L,
                seed);
    }
}
