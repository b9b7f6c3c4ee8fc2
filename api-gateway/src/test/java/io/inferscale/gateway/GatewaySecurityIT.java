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

    /**
     * A 401 is written before the request body is read. If the connection stayed open with the
     * unread body in it, the next request a client sends on that keep-alive connection could be
     * lost (seen as requests the gateway never answered under load). The gateway must either close
     * the connection after such an answer or answer the next request on it.
     */
    @Test
    void anEarlyRejectionLeavesNoUnreadBodyOnAKeptAliveConnection() throws Exception {
        byte[] big =
                ("{\"model\":\"it-sec\",\"prompt\":\"" + "x".repeat(256 * 1024) + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] small =
                "{\"model\":\"it-sec\",\"prompt\":\"x\",\"max_tokens\":1}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            out.write(request("Bearer isk_nope_not-a-real-secret-at-all-0000", big));
            out.flush();
            java.util.Map<String, String> first = readResponse(in);
            assertThat(first.get(":status")).isEqualTo("401");
            if ("close".equalsIgnoreCase(first.get("connection"))) {
                return; // the client knows not to reuse it
            }
            out.write(request(TestCredentials.bearer(TestCredentials.API_KEY), small));
            out.flush();
            assertThat(readResponse(in).get(":status")).isEqualTo("200");
        }
    }

    private static byte[] request(String authorization, byte[] body) {
        String head =
                "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: "
                        + authorization
                        + "\r\nContent-Length: "
                        + body.length
                        + "\r\n\r\n";
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Status and headers (lower-case names) of one response; its body is read and dropped. */
    private static java.util.Map<String, String> readResponse(java.io.DataInputStream in)
            throws java.io.IOException {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        String status = line(in);
        headers.put(":status", status.split(" ")[1]);
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(), l.substring(colon + 1).trim());
        }
        if (headers.containsKey("content-length")) {
            in.readFully(new byte[Integer.parseInt(headers.get("content-length"))]);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).trim(), 16);
                    n > 0;
                    n = Integer.parseInt(line(in).trim(), 16)) {
                in.readFully(new byte[n]);
                line(in);
            }
            line(in);
        }
        return headers;
    }

    private static String line(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new java.io.EOFException("connection closed mid-response");
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
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
