package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real replicas (inference-sim on random ports), the real gateway, a real broker and the real
 * database.
 */
@ServiceIT
class GatewayRoutingIT {
    static final List<InferenceSim> SIMS = new ArrayList<>();

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
                                                .withService(2_000_000L, 0.1)));
        SIMS.add(sim);
        return sim;
    }

    static final InferenceSim A = sim("it-llm", "it-llm-a");
    static final InferenceSim B = sim("it-llm", "it-llm-b");
    static final InferenceSim DYNAMIC = sim("it-dynamic", "it-dynamic-1");

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        registry.add(
                "inferscale.gateway.static-replicas",
                () -> "it-llm=" + A.baseUrl() + ",it-llm=" + B.baseUrl());
        registry.add("inferscale.gateway.policy-refresh", () -> "1h");
        TestCredentials.register(registry);
    }

    @AfterAll
    static void stopSims() {
        SIMS.forEach(InferenceSim::close);
    }

    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void routesCompletionsAndPublishesTelemetry() throws Exception {
        HttpResponse<String> r =
                post(
                        "/v1/completions",
                        "{\"model\":\"it-llm\",\"prompt\":\"hello\",\"max_tokens\":4}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"usage\"");
        String replica = r.headers().firstValue("x-inferscale-replica").orElseThrow();
        assertThat(replica).isIn("it-llm-a", "it-llm-b");

        List<RequestTelemetry> seen = telemetryFor("it-llm", 1);
        RequestTelemetry t = seen.get(0);
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.outcome()).isEqualTo(RequestOutcome.OK);
        assertThat(t.replicaId()).startsWith("it-llm@127.0.0.1:");
        assertThat(t.policy()).isEqualTo("p2c");
        assertThat(t.latencyMs()).isPositive();
    }

    @Test
    void streamsServerSentEventsThrough() throws Exception {
        HttpResponse<String> r =
                post(
                        "/v1/chat/completions",
                        "{\"model\":\"it-llm\",\"stream\":true,\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse(""))
                .startsWith("text/event-stream");
        assertThat(r.body()).contains("data: ").endsWith("data: [DONE]\n\n");
    }

    @Test
    void roundRobinAssignedAtRuntimeAlternatesReplicas() throws Exception {
        HttpResponse<String> assigned =
                send("PUT", "/api/v1/gateway/models/it-llm/policy", "{\"policy\":\"rr\"}");
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.body()).contains("\"policy\":\"rr\"");
        List<String> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(
                    post(
                                    "/v1/completions",
                                    "{\"model\":\"it-llm\",\"prompt\":\"x\",\"max_tokens\":1}")
                            .headers()
                            .firstValue("x-inferscale-replica")
                            .orElseThrow());
        }
        assertThat(replicas.get(0)).isNotEqualTo(replicas.get(1));
        assertThat(replicas.get(0)).isEqualTo(replicas.get(2));
        assertThat(replicas.get(1)).isEqualTo(replicas.get(3));
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM gateway.audit_log WHERE subject = 'it-llm' AND detail = 'rr'",
                                Long.class))
                .isPositive();
        send("PUT", "/api/v1/gateway/models/it-llm/policy", "{\"policy\":\"p2c\"}");
    }

    @Test
    void discoversReplicasFromFleetStateAndStopsRoutingToDrainingOnes() throws Exception {
        publisher.publish(Topics.FLEET_STATE, fleet(ReplicaStatus.READY)).get();
        HttpResponse<String> routed =
                Await.until(
                        Duration.ofSeconds(30),
                        () ->
                                post(
                                        "/v1/completions",
                                        "{\"model\":\"it-dynamic\",\"prompt\":\"x\",\"max_tokens\":1}"),
                        resp -> resp.statusCode() == 200);
        assertThat(routed.headers().firstValue("x-inferscale-replica")).hasValue("it-dynamic-1");

        publisher.publish(Topics.FLEET_STATE, fleet(ReplicaStatus.DRAINING)).get();
        HttpResponse<String> drained =
                Await.until(
                        Duration.ofSeconds(30),
                        () ->
                                post(
                                        "/v1/completions",
                                        "{\"model\":\"it-dynamic\",\"prompt\":\"x\",\"max_tokens\":1}"),
                        resp -> resp.statusCode() == 503);
        assertThat(drained.headers().firstValue("retry-after")).hasValue("5");
        assertThat(drained.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
        assertThat(send("GET", "/api/v1/gateway/models/it-dynamic", null).body())
                .contains("\"status\":\"DRAINING\"");
    }

    @Test
    void answersBadRequestsWithProblemJson() throws Exception {
        Map<String, Object[]> cases =
                Map.of(
                        "unknown model",
                                new Object[] {
                                    "{\"model\":\"nope\",\"prompt\":\"x\"}",
                                    404,
                                    "no replicas are known for 'nope'"
                                },
                        "no model",
                                new Object[] {
                                    "{\"prompt\":\"x\"}", 400, "model: the JSON body needs"
                                },
                        "not JSON", new Object[] {"{\"model\":", 400, "not valid JSON"},
                        "not an object", new Object[] {"[1,2]", 400, "must be a JSON object"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            HttpResponse<String> r = post("/v1/completions", (String) c.getValue()[0]);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue()[1]);
            assertThat(r.headers().firstValue("content-type"))
                    .as(c.getKey())
                    .hasValue("application/problem+json");
            assertThat(r.body()).as(c.getKey()).contains((String) c.getValue()[2]);
        }
    }

    @Test
    void adminApiNamesTheBadField() throws Exception {
        HttpResponse<String> blank =
                send("PUT", "/api/v1/gateway/models/it-llm/policy", "{\"policy\":\"\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(blank.body()).contains("policy: must not be blank");
        HttpResponse<String> unknown =
                send("PUT", "/api/v1/gateway/models/it-llm/policy", "{\"policy\":\"magic\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("policy: 'magic' is not one of");
    }

    private FleetState fleet(ReplicaStatus status) {
        return new FleetState(
                EventMeta.create(1, "it", java.time.Clock.systemUTC()),
                "it-dynamic",
                "local",
                "it-dynamic",
                1,
                List.of(
                        new ReplicaInfo(
                                "it-dynamic-1",
                                DYNAMIC.baseUrl(),
                                status,
                                "inference-sim",
                                Instant.now())));
    }

    private List<RequestTelemetry> telemetryFor(String model, int atLeast) {
        return TelemetryTopic.await(broker, t -> t.model().equals(model), atLeast);
    }

    private HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    private HttpResponse<String> send(String method, String path, String json) {
        try {
            HttpRequest.Builder b = TestHttp.request(URI.create("http://127.0.0.1:" + port + path));
            b.method(
                    method,
                    json == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("content-type", "application/json");
            b.header(
                    "Authorization",
                    path.startsWith("/v1/")
                            ? TestCredentials.bearer(TestCredentials.API_KEY)
                            : TestCredentials.admin());
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
