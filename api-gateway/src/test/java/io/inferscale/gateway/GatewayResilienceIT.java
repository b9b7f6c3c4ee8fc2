package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Retries on another replica and Envoy-style outlier ejection, against real replicas that fail for
 * real.
 */
@ServiceIT
class GatewayResilienceIT {
    static final List<InferenceSim> SIMS = new ArrayList<>();
    static final InferenceSim HEALTHY = sim("it-crash", "healthy");
    static final InferenceSim CRASHED = sim("it-crash", "crashed");
    static final InferenceSim HEALTHY_2 = sim("it-dead", "healthy-2");
    static final int DEAD_PORT = closedPort();

    static InferenceSim sim(String model, String id) {
        InferenceSim sim =
                InferenceSim.start(
                        InferenceSimConfig.defaults()
                                .withHost("127.0.0.1")
                                .withPort(0)
                                .withModel(model)
                                .withReplicaId(id)
                                .withReplica(
                                        ReplicaConfig.simpleDefaults()
                                                .withService(1_000_000L, 0.1)));
        SIMS.add(sim);
        return sim;
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again when this returns: connecting to it is refused
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        registry.add(
                "inferscale.gateway.static-replicas",
                () ->
                        String.join(
                                ",",
                                "it-crash=" + HEALTHY.baseUrl(),
                                "it-crash=" + CRASHED.baseUrl(),
                                "it-dead=" + HEALTHY_2.baseUrl(),
                                "it-dead=http://127.0.0.1:" + DEAD_PORT));
        registry.add("inferscale.gateway.default-policy", () -> "rr");
        registry.add("inferscale.gateway.outlier.consecutive5xx", () -> "3");
        registry.add("inferscale.gateway.policy-refresh", () -> "1h");
        TestCredentials.register(registry);
    }

    @AfterAll
    static void stop() {
        SIMS.forEach(InferenceSim::close);
    }

    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void a503FromACrashedReplicaIsRetriedElsewhereAndTheReplicaGetsEjected() throws Exception {
        HttpResponse<String> crash =
                http.send(
                        TestHttp.request(URI.create(CRASHED.baseUrl() + "/admin/faults"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"crash\":true}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(crash.statusCode()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = complete("it-crash");
            assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-inferscale-replica")).hasValue("healthy");
        }
        assertThat(get("/api/v1/gateway/models/it-crash"))
                .containsPattern("\"address\":\"" + CRASHED.baseUrl() + "\"[^}]*\"ejected\":true");
    }

    @Test
    void aRefusedConnectionIsRetriedElsewhereAndTheReplicaGetsEjected() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = complete("it-dead");
            assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
        }
        assertThat(get("/api/v1/gateway/models/it-dead"))
                .containsPattern(
                        "\"address\":\"http://127.0.0.1:" + DEAD_PORT + "\"[^}]*\"ejected\":true");
    }

    private HttpResponse<String> complete(String model) throws Exception {
        return http.send(
                TestHttp.request(URI.create("http://127.0.0.1:" + port + "/v1/completions"))
                        .header("content-type", "application/json")
                        .header("Authorization", TestCredentials.bearer(TestCredentials.API_KEY))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\""
                                                + model
                                                + "\",\"prompt\":\"x\",\"max_tokens\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return http.send(
                        TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", TestCredentials.admin())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
