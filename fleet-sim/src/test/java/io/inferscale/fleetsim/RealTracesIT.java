package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared real traces through the whole benchmark path (argument parsing, trace readers,
 * production choosers and autoscalers). Reads {@code INFERSCALE_TRACES_DIR}, else {@code
 * ../shared/traces} next to the project; skips when neither exists.
 */
class RealTracesIT {

    static Path tracesDir() {
        String env = System.getenv("INFERSCALE_TRACES_DIR");
        Path dir =
                Stream.of(env, "../../shared/traces", "/work/shared/traces")
                        .filter(p -> p != null && !p.isBlank())
                        .map(Path::of)
                        .filter(Files::isDirectory)
                        .findFirst()
                        .orElse(null);
        assumeTrue(
                dir != null,
                "real traces not found: set INFERSCALE_TRACES_DIR or provide ../shared/traces;"
                        + " skipping");
        return dir;
    }

    static Path trace(String relative) {
        Path file = tracesDir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), file + " is missing; skipping");
        return file;
    }

    static Map<String, RunResult> bench(String... argv) {
        BenchReport report = Benchmark.run(BenchArgs.parse(argv));
        return report.runs().stream()
                .collect(Collectors.toMap(r -> r.lb() + "/" + r.autoscaler(), Function.identity()));
    }

    @Test
    void azureLeastRequestBalancesBetterThanRoundRobinOnAMixedFleet() {
        Map<String, RunResult> runs =
                bench(
                        "--trace",
                                trace("azure_llm_2023/AzureLLMInferenceTrace_conv.csv").toString(),
                        "--fleet", "4x1.0,4x0.5",
                        "--lb", "rr,least-request");
        RunResult rr = runs.get("rr/static");
        RunResult lr = runs.get("least-request/static");

        assertThat(rr.requests()).isEqualTo(19_366);
        assertThat(rr.completed()).isEqualTo(rr.requests());
        assertThat(lr.lbEfficiency()).isGreaterThan(rr.lbEfficiency());
        assertThat(lr.imbalanceCv()).isLessThan(rr.imbalanceCv());
        assertThat(lr.latencyMs().p99()).isLessThan(rr.latencyMs().p99());
    }

    @Test
    void mooncakePrefixAwareRoutingReusesMoreCachedPrefixes() {
        Map<String, RunResult> runs =
                bench(
                        "--trace",
                        trace("mooncake_fast25/conversation_trace_first40min.jsonl").toString(),
                        "--fleet",
                        "4x1.0,4x0.5",
                        "--lb",
                        "p2c,prefix-aware");
        RunResult p2c = runs.get("p2c/static");
        RunResult prefix = runs.get("prefix-aware/static");

        assertThat(prefix.requests()).isEqualTo(p2c.requests()).isEqualTo(7_851);
        assertThat(prefix.prefixHitRate()).isGreaterThan(p2c.prefixHitRate() * 2);
        assertThat(prefix.ttftMs().p50()).isLessThan(p2c.ttftMs().p50());
    }

    @Test
    void nasaAtScaleHpaUsesFewerReplicaSecondsThanAStaticFleet() {
        Map<String, RunResult> runs =
                bench(
                        "--trace",
                        trace("nasa_http_1995/nasa_http_1995_07_per_minute.csv").toString(),
                        "--scale",
                        "100",
                        "--from",
                        "1995-07-13T00:00:00-04:00",
                        "--to",
                        "13d",
                        "--autoscaler",
                        "static,hpa");
        RunResult fixed = runs.get("p2c/static");
        RunResult hpa = runs.get("p2c/hpa");

        assertThat(fixed.requests()).isEqualTo(hpa.requests()).isGreaterThan(1_000_000);
        assertThat(hpa.scaleActions()).isPositive();
        assertThat(hpa.replicaSeconds()).isLessThan(fixed.replicaSeconds());
        assertThat(fixed.replicaSeconds())
                .isCloseTo(4 * 86_400, org.assertj.core.api.Assertions.within(120.0));
    }
}
