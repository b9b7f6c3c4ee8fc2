package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RoutingPolicy;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code rl} policy: p2c with a visible fallback count until a learned policy arrives on {@code
 * routing.policies}, then the policy's choice, evaluated in the gateway; a policy it cannot
 * evaluate is refused and an expired one falls back again.
 */
@ServiceIT
class GatewayLearnedRoutingIT {
    static InferenceSim sim(String id, long serviceNanos) {
        return InferenceSim.start(
                InferenceSimConfig.defaults()
                        .withHost("127.0.0.1")
                        .withPort(0)
                        .withModel("it-rl")
                        .withReplicaId(id)
                        .withReplica(
                                ReplicaConfig.simpleDefaults().withService(serviceNanos, 0.05)));
    }

    static final InferenceSim SLOW = sim("it-rl-slow", 300_000_000L);
    static final InferenceSim FAST = sim("it-rl-fast", 2_000_000L);

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        registry.add(
                "inferscale.gateway.static-replicas",
                () -> "it-rl=" + SLOW.baseUrl() + ",it-rl=" + FAST.baseUrl());
        registry.add("inferscale.gateway.policy-refresh", () -> "1h");
        TestCredentials.register(registry);
    }

    @AfterAll
    static void stop() {
        SLOW.close();
        FAST.close();
    }

    @Autowired EventPublisher publisher;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void routesByTheLearnedPolicyOnceItArrivesAndFallsBackVisiblyOtherwise() throws Exception {
        HttpResponse<String> assigned =
                send("PUT", "/api/v1/gateway/models/it-rl/policy", "{\"policy\":\"rl\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        // No policy yet: p2c routes (both replicas get traffic, so both latencies are known).
        List<String> before = route(10);
        assertThat(before).contains("it-rl-slow", "it-rl-fast");
        assertThat(fallbacks("no_policy")).isGreaterThanOrEqualTo(10);

        // A policy that prefers the lowest peak-EWMA latency: everything goes to the fast one.
        publisher
                .publish(Topics.ROUTING_POLICIES, policy(1, "latency_ewma_s", Duration.ofHours(1)))
                .get();
        Await.until(
                Duration.ofSeconds(30),
                () -> send("GET", "/api/v1/gateway/models/it-rl", null).body(),
                body -> body.contains("\"version\":1") && body.contains("\"active\":true"));
        assertThat(route(10)).containsOnly("it-rl-fast");

        // A newer policy naming a feature this gateway does not compute: refused, v1 keeps serving.
        publisher
                .publish(Topics.ROUTING_POLICIES, policy(2, "gpu_temperature", Duration.ofHours(1)))
                .get();
        String view =
                Await.until(
                        Duration.ofSeconds(30),
                        () -> send("GET", "/api/v1/gateway/models/it-rl", null).body(),
                        body -> body.contains("gpu_temperature"));
        assertThat(view).contains("\"version\":1").contains("version 2: features:");
        assertThat(route(5)).containsOnly("it-rl-fast");

        // An expired policy: routed by p2c again, counted as expired.
        publisher
                .publish(Topics.ROUTING_POLICIES, policy(3, "latency_ewma_s", Duration.ZERO))
                .get();
        Await.until(
                Duration.ofSeconds(30),
                () -> send("GET", "/api/v1/gateway/models/it-rl", null).body(),
                body -> body.contains("\"version\":3") && body.contains("\"active\":false"));
        double expiredBefore = fallbacks("expired");
        route(5);
        assertThat(fallbacks("expired")).isGreaterThanOrEqualTo(expiredBefore + 5);
    }

    private static RoutingPolicy policy(long version, String feature, Duration validFor) {
        Instant now = Instant.now();
        return new RoutingPolicy(
                EventMeta.create(RoutingPolicy.SCHEMA_VERSION, "it", Clock.systemUTC()),
                "it-rl",
                version,
                "test-linear",
                now,
                now.plus(validFor),
                List.of(feature),
                List.of(1, 1),
                List.of(-1.0, 0.0),
                Map.of("slo_attainment", 0.99),
                "p2c");
    }

    private List<String> route(int n) {
        List<String> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r =
                    send(
                            "POST",
                            "/v1/completions",
                            "{\"model\":\"it-rl\",\"prompt\":\"x\",\"max_tokens\":1}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            replicas.add(r.headers().firstValue("x-inferscale-replica").orElseThrow());
        }
        return replicas;
    }

    private double fallbacks(String reason) {
        String metrics = send("GET", "/actuator/prometheus", null).body();
        Matcher m =
                Pattern.compile(
                                "inferscale_gateway_rl_fallback_total\\{[^}]*model=\"it-rl\",reason=\""
                                        + reason
                                        + "\"[^}]*} ([0-9.eE+]+)")
                        .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private HttpResponse<String> send(String method, String path, String json) {
        try {
            HttpRequest.Builder b =
                    TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                            .method(
                                    method,
                                    json == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("content-type", "application/json");
            if (!path.startsWith("/actuator")) {
                b.header(
                        "Authorization",
                        path.startsWith("/v1/")
                                ? TestCredentials.bearer(TestCredentials.API_KEY)
                                : TestCredentials.admin());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
