package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * API keys with per-key rate limits on /v1/**, users with roles on /api/v1/**, all answering
 * problem+json.
 */
@ServiceIT
class GatewaySecurityIT {
    static final InferenceSim SIM =
            InferenceSim.start(
                    InferenceSimConfig.defaults()
                            .withHost("127.0.0.1")
                            .withPort(0)
                            .withModel("it-sec")
                            .withReplicaId("it-sec-1")
                            .withReplica(
                                    ReplicaConfig.simpleDefaults().withService(1_000_000L, 0.1)));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("inferscale.gateway.static-replicas", () -> "it-sec=" + SIM.baseUrl());
        registry.add("inferscale.gateway.security.key-cache-ttl", () -> "100ms");
        TestCredentials.register(registry);
    }

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void inferenceNeedsAValidKey() throws Exception {
        HttpResponse<String> none = complete(null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("www-authenticate"))
                .hasValue("Bearer realm=\"InferScale\"");
        assertThat(none.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(complete("isk_nope_not-a-real-secret-at-all-0000").statusCode()).isEqualTo(401);
        assertThat(complete("garbage").statusCode()).isEqualTo(401);
        assertThat(complete(TestCredentials.API_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void keysAreCreatedRateLimitedAndRevokedByAnAdmin() throws Exception {
        HttpResponse<String> created =
                send(
                        "POST",
                        "/api/v1/gateway/api-keys",
                        TestCredentials.admin(),
                        "{\"name\":\"slow-client\",\"ratePerSecond\":0.01,\"burst\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = field(created.body(), "key");
        String id = field(created.body(), "id");
        assertThat(send("GET", "/api/v1/gateway/api-keys", TestCredentials.admin(), null).body())
                .contains("\"id\":\"" + id + "\"")
                .doesNotContain(key); // the secret is shown once, at creation

        assertThat(complete(key).statusCode()).isEqualTo(200);
        assertThat(complete(key).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = complete(key);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(limited.body()).contains("limited to 0.01 requests/s");

        assertThat(
                        send(
                                        "DELETE",
                                        "/api/v1/gateway/api-keys/" + id,
                                        TestCredentials.admin(),
                                        null)
                                .statusCode())
                .isEqualTo(204);
        Await.until(Duration.ofSeconds(10), () -> complete(key).statusCode(), s -> s == 401);
    }

    @Test
    void rolesGateTheAdminApi() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + suffix;
        String operator = "operator-" + suffix;
        String password = "a-long-enough-password";
        assertThat(
                        send(
                                        "POST",
                                        "/api/v1/gateway/users",
                                        TestCredentials.admin(),
                                        "{\"username\":\""
                                                + viewer
                                                + "\",\"password\":\""
                                                + password
                                                + "\",\"role\":\"VIEWER\"}")
                                .statusCode())
                .isEqualTo(201);
        assertThat(
                        send(
                                        "POST",
                                        "/api/v1/gateway/users",
                                        TestCredentials.admin(),
                                        "{\"username\":\""
                                                + operator
                                                + "\",\"password\":\""
                                                + password
                                                + "\",\"role\":\"OPERATOR\"}")
                                .statusCode())
                .isEqualTo(201);

        HttpResponse<String> anonymous = send("GET", "/api/v1/gateway/models", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate"))
                .hasValue("Basic realm=\"InferScale\"");

        String asViewer = TestCredentials.basic(viewer, password);
        String asOperator = TestCredentials.basic(operator, password);
        assertThat(send("GET", "/api/v1/gateway/models", asViewer, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> denied =
                send(
                        "PUT",
                        "/api/v1/gateway/models/it-sec/policy",
                        asViewer,
                        "{\"policy\":\"rr\"}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
        assertThat(
                        send(
                                        "PUT",
                                        "/api/v1/gateway/models/it-sec/policy",
                                        asOperator,
                                        "{\"policy\":\"rr\"}")
                                .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/gateway/api-keys", asOperator, null).statusCode())
                .isEqualTo(403);
        assertThat(
                        send(
                                        "GET",
                                        "/api/v1/gateway/models",
                                        TestCredentials.basic(viewer, "wrong-password!!"),
                                        null)
                                .statusCode())
                .isEqualTo(401);
        HttpResponse<String> weak =
                send(
                        "POST",
                        "/api/v1/gateway/users",
                        TestCredentials.admin(),
                        "{\"username\":\"x"
                                + suffix
                                + "\",\"password\":\"short\",\"role\":\"VIEWER\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("password");
    }

    @Test
    void healthAndMetricsStayOpenForProbes() throws Exception {
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> complete(String key) {
        return send(
                "POST",
                "/v1/completions",
                key == null ? null : TestCredentials.bearer(key),
                "{\"model\":\"it-sec\",\"prompt\":\"x\",\"max_tokens\":1}");
    }

    private HttpResponse<String> send(
            String method, String path, String authorization, String json) {
        try {
            HttpRequest.Builder b =
                    TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                            .method(
                                    method,
                                    json == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("content-type", "application/json");
            if (authorization != null) b.header("Authorization", authorization);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }
}
