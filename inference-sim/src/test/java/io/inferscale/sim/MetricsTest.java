package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is Prometheus text that a vLLM scraper understands, and it counts what was
 * served.
 */
class MetricsTest {

    /** A sample line of text format 0.0.4: name, optional labels, a float value. */
    private static final Pattern SAMPLE =
            Pattern.compile(
                    "([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))");

    private static final String M = "model_name=\"test-model\"";
    private static InferenceSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = InferenceSim.start(SimClient.FAST);
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void countersAndHistogramsGoUp() {
        Map<String, Double> before = scrape();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r =
                    client.post(
                            "/v1/completions",
                            "{\"prompt\":\"a\",\"prompt_tokens\":100,\"max_tokens\":4}");
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Map<String, Double> after = scrape();

        assertThat(
                        delta(
                                before,
                                after,
                                "vllm:request_success_total{finished_reason=\"length\"," + M + "}"))
                .isEqualTo(3);
        assertThat(delta(before, after, "vllm:prompt_tokens_total{" + M + "}")).isEqualTo(300);
        assertThat(delta(before, after, "vllm:generation_tokens_total{" + M + "}")).isEqualTo(12);
        assertThat(delta(before, after, "vllm:time_to_first_token_seconds_count{" + M + "}"))
                .isEqualTo(3);
        assertThat(delta(before, after, "vllm:e2e_request_latency_seconds_count{" + M + "}"))
                .isEqualTo(3);
        assertThat(after.get("vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\"," + M + "}"))
                .isEqualTo(after.get("vllm:e2e_request_latency_seconds_count{" + M + "}"));
        assertThat(after.get("vllm:e2e_request_latency_seconds_sum{" + M + "}")).isPositive();
        assertThat(after)
                .containsKeys(
                        "vllm:num_requests_running{" + M + "}",
                        "vllm:num_requests_waiting{" + M + "}",
                        "vllm:kv_cache_usage_perc{" + M + "}",
                        "vllm:time_to_first_token_seconds_bucket{le=\"0.001\"," + M + "}",
                        "vllm:time_to_first_token_seconds_bucket{le=\"2560.0\"," + M + "}");
    }

    @Test
    void everyLineIsACommentOrASampleOfADeclaredFamily() {
        HttpResponse<String> res = client.get("/metrics");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        String declared = "";
        for (String line : res.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                declared = line.split(" ")[2];
            } else if (!line.startsWith("# HELP ")) {
                assertThat(line).matches(SAMPLE);
                assertThat(line).startsWith(declared);
            }
        }
    }

    private static Map<String, Double> scrape() {
        Map<String, Double> out = new HashMap<>();
        for (String line : client.get("/metrics").body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), Double.parseDouble(m.group(2).replace("Inf", "Infinity")));
            }
        }
        return out;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        assertThat(after).containsKey(key);
        return after.get(key) - before.getOrDefault(key, 0.0);
    }
}
