package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchMainTest {

    @TempDir static Path dir;

    /** Ten minutes of a per-minute trace, 600 to 1,500 requests a minute. */
    static Path perMinuteTrace() throws IOException {
        Path file = dir.resolve("minutes.csv");
        if (!Files.exists(file)) {
            StringBuilder csv =
                    new StringBuilder("minute_start_local,unix_time_s,requests,outage\n");
            for (int m = 0; m < 10; m++) {
                csv.append(
                        String.format(
                                "1995-07-01T00:%02d:00-04:00,%d,%d,0%n",
                                m, 804571200 + 60 * m, 600 + 100 * m));
            }
            Files.writeString(file, csv);
        }
        return file;
    }

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                BenchMain.run(
                        argv,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                arguments("no --trace", "--trace", List.of()),
                arguments("missing file", "--trace", List.of("--trace", "/nonexistent/x.csv")),
                arguments("unknown format", "--format", List.of("--format", "parquet")),
                arguments("scale not a number", "--scale", List.of("--scale", "lots")),
                arguments("scale zero", "--scale", List.of("--scale", "0")),
                arguments("bad fleet group", "--fleet", List.of("--fleet", "4x1.0,twox0.5")),
                arguments("negative speed", "--fleet", List.of("--fleet", "2x-1")),
                arguments("bad offset", "--from", List.of("--from", "yesterday")),
                arguments("to before from", "--to", List.of("--from", "5m", "--to", "2m")),
                arguments("unknown policy", "--lb", List.of("--lb", "p2c,magic")),
                arguments("policy twice", "--lb", List.of("--lb", "rr,rr")),
                arguments("unknown autoscaler", "--autoscaler", List.of("--autoscaler", "oracle")),
                arguments("slo not positive", "--slo-ttft-ms", List.of("--slo-ttft-ms", "-3")),
                arguments("seed not a number", "--seed", List.of("--seed", "x")),
                arguments("unknown replica mode", "--replica", List.of("--replica", "gpu")),
                arguments(
                        "bad delay",
                        "--provisioning-delay",
                        List.of("--provisioning-delay", "soon")),
                arguments("zero threads", "--threads", List.of("--threads", "0")),
                arguments("flag without value", "--seed", List.of("--seed")),
                arguments("flag twice", "--seed", List.of("--seed", "1", "--seed", "2")),
                arguments("unknown forecaster", "--forecaster", List.of("--forecaster", "dnn")),
                arguments(
                        "missing history",
                        "--forecast-history",
                        List.of("--forecast-history", "/nonexistent/h.csv")),
                arguments(
                        "history with --repeat",
                        "--forecast-history",
                        List.of("--forecast-history", "TRACE", "--repeat", "2")),
                arguments("refit too often", "--refit-every", List.of("--refit-every", "10s")),
                arguments("max step zero", "--max-step", List.of("--max-step", "0")),
                arguments(
                        "bad scale-down window",
                        "--scale-down-window",
                        List.of("--scale-down-window", "long")),
                arguments("hpa step zero", "--hpa-step", List.of("--hpa-step", "0")),
                arguments("unknown flag", "--colour", List.of("--colour", "red")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsExitWithTwoAndNameTheFlag(String name, String flag, List<String> extra)
            throws IOException {
        List<String> argv = new ArrayList<>();
        if (!flag.equals("--trace")) {
            argv.addAll(List.of("--trace", perMinuteTrace().toString()));
        }
        for (String e : extra) {
            argv.add(e.equals("TRACE") ? perMinuteTrace().toString() : e);
        }
        Outcome o = run(argv.toArray(String[]::new));

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("bench: " + flag + ": ");
        assertThat(o.err().strip()).doesNotContain("\n");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void aMalformedTraceRowExitsWithOneNamingFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "minute_start_local,unix_time_s,requests,outage\n"
                        + "1995-07-01T00:00:00-04:00,804571200,12,0\n"
                        + "1995-07-01T00:01:00-04:00,804571260,many,0\n");
        Outcome o = run("--trace", bad.toString());

        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).startsWith("bench: ").contains("bad.csv").contains("3");
    }

    @Test
    void helpListsEveryFlagAndThePolicies() {
        Outcome o = run("--help");

        assertThat(o.code()).isZero();
        assertThat(o.out())
                .contains("--trace", "--fleet", "--slo-latency-ms", "--provisioning-delay")
                .contains("peak-ewma", "prefix-aware");
    }

    @Test
    void predictiveTrainsOnTheReplayedFileBeforeItsWindow() throws IOException {
        Path trace = perMinuteTrace();
        Outcome o =
                run(
                        "--trace", trace.toString(),
                        "--from", "5m",
                        "--autoscaler", "hpa,predictive",
                        "--forecast-history", trace.toString(),
                        "--forecaster", "seasonal-naive-daily",
                        "--threads", "1");

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("predictive").contains("hpa");
    }

    @Test
    void aHistoryWithNothingBeforeTheWindowExitsWithOne() throws IOException {
        Path trace = perMinuteTrace();
        Outcome o =
                run(
                        "--trace", trace.toString(),
                        "--autoscaler", "predictive",
                        "--forecast-history", trace.toString());

        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).startsWith("bench: --forecast-history: ").contains("no minute before");
    }

    @Test
    void helpListsTheForecasters() {
        assertThat(run("--help").out())
                .contains("predictive", "--forecast-history", "--forecaster", "trailing-mean");
    }

    @Test
    void sameSeedWritesIdenticalResults() throws IOException {
        Path trace = perMinuteTrace();
        JsonNode first = runToJson(trace, "a.json", "7");
        JsonNode second = runToJson(trace, "b.json", "7");
        JsonNode otherSeed = runToJson(trace, "c.json", "8");

        assertThat(first.get("runs")).isEqualTo(second.get("runs"));
        assertThat(first.get("runs")).isNotEqualTo(otherSeed.get("runs"));
    }

    @Test
    void jsonHasExactlyTheSpecifiedFields() throws IOException {
        JsonNode root = runToJson(perMinuteTrace(), "fields.json", "1");

        assertThat(fieldNames(root)).containsExactly("trace", "sim_requests_per_second", "runs");
        JsonNode run = root.get("runs").get(0);
        assertThat(fieldNames(run))
                .containsExactly(
                        "lb",
                        "autoscaler",
                        "requests",
                        "completed",
                        "dropped",
                        "latency_ms",
                        "ttft_ms",
                        "slo_attainment",
                        "replica_seconds",
                        "lb_efficiency",
                        "imbalance_cv",
                        "prefix_hit_rate",
                        "scale_actions");
        assertThat(fieldNames(run.get("latency_ms"))).containsExactly("mean", "p50", "p90", "p99");
        assertThat(root.get("runs")).hasSize(2); // rr and p2c, one autoscaler
        assertThat(run.get("requests").asLong()).isEqualTo(10 * 600 + 100 * 45);
    }

    private static JsonNode runToJson(Path trace, String name, String seed) {
        Path json = dir.resolve(name);
        Outcome o =
                run(
                        "--trace", trace.toString(),
                        "--lb", "rr,p2c",
                        "--fleet", "2x1.0,1x0.5",
                        "--seed", seed,
                        "--slo-latency-ms", "40",
                        "--threads", "2",
                        "--json", json.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("lb", "rr", "p2c", "static");
        return JsonMapper.builder().build().readTree(json.toFile());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
