package io.inferscale.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.forecast.domain.ForecasterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI end to end on small per-minute files, without Spring. */
class ForecastEvalMainTest {

    @TempDir static Path dir;
    static Path month;
    static Path firstWeeks;
    static Path lastDays;

    /**
     * Ten days from 1995-07-01 00:00 local (-04:00): a daily cycle of 20..80 requests a minute with
     * a weekend dip and deterministic jitter; minutes 600-659 of 9 July are an outage.
     */
    @BeforeAll
    static void writeTraces() throws IOException {
        month = dir.resolve("ten-days.csv");
        firstWeeks = dir.resolve("days-1-8.csv");
        lastDays = dir.resolve("days-9-10.csv");
        List<String> all = new ArrayList<>();
        for (int m = 0; m < 10 * 1440; m++) {
            long unix = 804571200L + 60L * m;
            int day = m / 1440;
            double cycle = 50 + 30 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0);
            long requests = Math.round(cycle * (day % 7 < 2 ? 0.6 : 1.0) + (m * 7919 % 11) - 5);
            boolean outage = day == 8 && m % 1440 >= 600 && m % 1440 < 660;
            String local =
                    Instant.ofEpochSecond(unix).atOffset(ZoneOffset.ofHours(-4)).toLocalDateTime()
                            + ":00-04:00";
            all.add(
                    local
                            + ","
                            + unix
                            + ","
                            + (outage ? "" : Long.toString(requests))
                            + ","
                            + (outage ? 1 : 0));
        }
        String header = "minute_start_local,unix_time_s,requests,outage";
        Files.write(month, lines(header, all));
        Files.write(firstWeeks, lines(header, all.subList(0, 8 * 1440)));
        Files.write(lastDays, lines(header, all.subList(8 * 1440, 10 * 1440)));
    }

    private static List<String> lines(String header, List<String> rows) {
        List<String> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                ForecastEvalMain.run(
                        argv,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        ForecasterRegistry.standard());
        return new Outcome(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                arguments(
                        "two files (the issue's flags)",
                        List.of("--train", firstWeeks.toString(), "--test", lastDays.toString())),
                arguments(
                        "one file split by days",
                        List.of(
                                "--train",
                                month.toString(),
                                "--train-days",
                                "1-8",
                                "--test-days",
                                "9-10")),
                arguments(
                        "the same file named twice, split by days",
                        List.of(
                                "--train=" + month,
                                "--test=" + month,
                                "--train-days=1-8",
                                "--test-days=9-10")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void writesTheIssuesJsonShape(String name, List<String> split) throws IOException {
        Path json = dir.resolve(name.replaceAll("\\W+", "-") + ".json");
        List<String> argv = new ArrayList<>(split);
        argv.addAll(List.of("--horizon-minutes", "30", "--json", json.toString()));

        Outcome o = run(argv.toArray(String[]::new));

        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(o.out())
                .contains("train 1995-07-01 00:00 .. 1995-07-09 00:00 (UTC-04:00, 11,520 min)")
                .contains("test  1995-07-09 00:00 .. 1995-07-11 00:00 (UTC-04:00, 2,880 min)")
                // 48 origins; the 10 h origin's target (10:29) falls in the outage.
                .contains("horizon 30 min, 48 hourly origins (1 skipped: target missing)")
                .contains("holt-winters");
        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(root.propertyNames())
                .containsExactly("horizon_minutes", "models", "train_seconds");
        assertThat(root.get("horizon_minutes").asInt()).isEqualTo(30);
        assertThat(root.get("train_seconds").asDouble()).isPositive();
        List<String> names = new ArrayList<>();
        for (JsonNode m : root.get("models")) {
            names.add(m.get("name").asString());
            assertThat(m.propertyNames())
                    .containsExactly("name", "mase", "smape", "pinball_p90", "p90_coverage");
            assertThat(m.get("mase").asDouble()).isBetween(0.0, 2.0);
            assertThat(m.get("p90_coverage").asDouble()).isBetween(0.0, 1.0);
        }
        // No DNN row unless one is registered.
        assertThat(names)
                .containsExactly(
                        "seasonal-naive-daily",
                        "seasonal-naive-weekly",
                        "trailing-mean",
                        "holt-winters");
    }

    @Test
    void modelsSelectsAndOrdersTheRows() throws IOException {
        Path json = dir.resolve("two.json");
        Outcome o =
                run(
                        "--train",
                        month.toString(),
                        "--train-days",
                        "1-8",
                        "--test-days",
                        "9-10",
                        "--models",
                        "trailing-mean,seasonal-naive-daily",
                        "--json",
                        json.toString());
        assertThat(o.code()).isZero();
        JsonNode models = JsonMapper.builder().build().readTree(json.toFile()).get("models");
        assertThat(models)
                .extracting(m -> m.get("name").asString())
                .containsExactly("trailing-mean", "seasonal-naive-daily");
    }

    @Test
    void helpListsTheRegisteredForecasters() {
        Outcome o = run("--help");
        assertThat(o.code()).isZero();
        assertThat(o.out())
                .contains("--test-days")
                .contains(
                        "seasonal-naive-daily, seasonal-naive-weekly, trailing-mean, holt-winters");
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                arguments("no --train", "--train", List.of("--test", "x")),
                arguments(
                        "missing train file",
                        "--train",
                        List.of("--train", "/nonexistent.csv", "--test-days", "1")),
                arguments("no test at all", "--test", List.of("--train", "{month}")),
                arguments(
                        "unknown option",
                        "--horizon",
                        List.of("--train", "{month}", "--horizon", "5")),
                arguments(
                        "horizon not a number",
                        "--horizon-minutes",
                        List.of(
                                "--train",
                                "{month}",
                                "--test-days",
                                "9-10",
                                "--horizon-minutes",
                                "soon")),
                arguments(
                        "horizon zero",
                        "--horizon-minutes",
                        List.of(
                                "--train",
                                "{month}",
                                "--test-days",
                                "9-10",
                                "--horizon-minutes",
                                "0")),
                arguments(
                        "scale negative",
                        "--scale",
                        List.of("--train", "{month}", "--test-days", "9-10", "--scale", "-1")),
                arguments(
                        "days backwards",
                        "--test-days",
                        List.of("--train", "{month}", "--test-days", "10-9")),
                arguments(
                        "days not numbers",
                        "--train-days",
                        List.of(
                                "--train",
                                "{month}",
                                "--train-days",
                                "first-week",
                                "--test-days",
                                "9")),
                arguments(
                        "days outside the file",
                        "--test-days",
                        List.of(
                                "--train",
                                "{month}",
                                "--train-days",
                                "1-8",
                                "--test-days",
                                "20-21")),
                arguments(
                        "test before the end of training",
                        "--test-days",
                        List.of(
                                "--train",
                                "{month}",
                                "--train-days",
                                "1-8",
                                "--test-days",
                                "8-10")),
                arguments(
                        "test file before the training file",
                        "--test",
                        List.of("--train", "{lastDays}", "--test", "{firstWeeks}")),
                arguments(
                        "unknown model",
                        "--models",
                        List.of("--train", "{month}", "--test-days", "9-10", "--models", "dnn")),
                arguments(
                        "flag given twice",
                        "--scale",
                        List.of("--train", "{month}", "--scale", "1", "--scale", "2")),
                arguments(
                        "flag without value",
                        "--json",
                        List.of("--train", "{month}", "--test-days", "9", "--json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsExitWith2AndNameTheFlag(String name, String flag, List<String> argv) {
        String[] args =
                argv.stream()
                        .map(
                                a ->
                                        a.replace("{month}", month.toString())
                                                .replace("{firstWeeks}", firstWeeks.toString())
                                                .replace("{lastDays}", lastDays.toString()))
                        .toArray(String[]::new);
        Outcome o = run(args);
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().lines()).hasSize(1);
        assertThat(o.err()).startsWith("forecast-eval: " + flag + ": ");
    }

    @Test
    void aForecasterThatCannotFitIsNamedAndExitsWith1() {
        // Six training days have no pair of minutes a week apart.
        Outcome o = run("--train", month.toString(), "--train-days", "1-6", "--test-days", "7-8");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).startsWith("forecast-eval: seasonal-naive-weekly failed: ");
    }

    @Test
    void aMalformedFileExitsWith1() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "minute_start_local,unix_time_s,requests,outage\nyesterday,1,2,0\n");
        Outcome o = run("--train", bad.toString(), "--test-days", "1");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).startsWith("forecast-eval: bad.csv:2: ");
    }
}
