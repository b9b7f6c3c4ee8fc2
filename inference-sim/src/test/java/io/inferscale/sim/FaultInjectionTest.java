package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Faults injected through the admin API show up as the errors a gateway must handle. */
class FaultInjectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SMALL = "{\"prompt\":\"a\",\"max_tokens\":2}";
    private InferenceSim sim;
    private SimClient client;

    @BeforeEach
    void start() {
        sim = InferenceSim.start(SimClient.FAST);
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Stream<Arguments> errorRate() {
        return Stream.of(
                Arguments.of("non-streaming", SMALL),
                Arguments.of(
                        "streaming fails before the stream starts",
                        "{\"prompt\":\"a\",\"stream\":true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorRate")
    void errorRateOneGives500(String name, String body) {
        assertThat(client.post("/admin/faults", "{\"error_rate\":1.0}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> res = client.post("/v1/completions", body);

        assertThat(res.statusCode()).isEqualTo(500);
        assertThat(res.headers().firstValue("x-inferscale-replica")).hasValue("r-1");
        assertThat(JSON.readTree(res.body()).path("error").path("code").asInt()).isEqualTo(500);
    }

    @Test
    void crashGives503UntilRestart() {
        HttpResponse<String> crashed = client.post("/admin/faults", "{\"crash\":true}");

        assertThat(JSON.readTree(crashed.body()).path("crashed").asBoolean()).isTrue();
        assertThat(client.get("/health").statusCode()).isEqualTo(503);
        assertThat(client.post("/v1/completions", SMALL).statusCode()).isEqualTo(503);

        assertThat(client.post("/admin/restart", "").statusCode()).isEqualTo(200);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(client.post("/v1/completions", SMALL).statusCode()).isEqualTo(200);
    }

    @Test
    void crashMidStreamEndsTheStreamWithAnErrorEventAndNoDone() throws Exception {
        CompletableFuture<HttpResponse<String>> stream =
                client.postAsync(
                        "/v1/completions",
                        "{\"prompt\":\"a\",\"max_tokens\":5000,\"stream\":true}");
        awaitRunning(1);

        client.post("/admin/faults", "{\"crash\":true}");
        HttpResponse<String> res = stream.get();

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("replica crashed").doesNotContain("[DONE]");
    }

    @Test
    void faultsAreReportedInState() {
        client.post("/admin/faults", "{\"slowdown\":2.5,\"error_rate\":0.25}");

        JsonNode state = JSON.readTree(client.get("/admin/state").body());

        assertThat(state.path("slowdown").asDouble()).isEqualTo(2.5);
        assertThat(state.path("error_rate").asDouble()).isEqualTo(0.25);
        assertThat(state.path("crashed").asBoolean()).isFalse();
        assertThat(state.path("replica_id").asString()).isEqualTo("r-1");
        assertThat(state.path("mode").asString()).isEqualTo("llm");
    }

    static Stream<Arguments> badFaults() {
        return Stream.of(
                Arguments.of("zero slowdown", "{\"slowdown\":0}"),
                Arguments.of("error rate above 1", "{\"error_rate\":2}"),
                Arguments.of("bad JSON", "{\"slowdown\":"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFaults")
    void rejectsBadFaultsAndChangesNothing(String name, String body) {
        assertThat(client.post("/admin/faults", body).statusCode()).isEqualTo(400);

        JsonNode state = JSON.readTree(client.get("/admin/state").body());
        assertThat(state.path("slowdown").asDouble()).isEqualTo(1.0);
        assertThat(state.path("error_rate").asDouble()).isZero();
    }

    private void awaitRunning(int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (JSON.readTree(client.get("/admin/state").body()).path("running").asInt() >= n) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + n + " running");
    }
}
