package io.inferscale.scaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@ServiceIT
// The control loop would act on the policies this test writes; ScalerControlIT covers it.
@TestPropertySource(properties = "inferscale.scaler.control.enabled=false")
class ScalingPolicyApiIT {
    static final String VALID =
            """
            {"minReplicas":1,"maxReplicas":8,"targetConcurrencyPerReplica":4,"sloTtftMs":500,
             "provisioningLeadTime":"PT2M","mode":"RECOMMEND","provider":"local","target":"llm-demo"}
            """;

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM scaler.scaling_policy");
        jdbc.update("DELETE FROM scaler.policy_change");
    }

    @Test
    void putGetDeleteWithAnAuditTrail() throws Exception {
        assertThat(send("PUT", "/api/v1/scaling/policies/llm-demo", VALID).statusCode())
                .isEqualTo(200);
        HttpResponse<String> got = send("GET", "/api/v1/scaling/policies/llm-demo", null);
        assertThat(got.body())
                .contains("\"maxReplicas\":8")
                .contains("\"scaleDownStabilisation\":\"PT5M\"");
        assertThat(send("DELETE", "/api/v1/scaling/policies/llm-demo", null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = send("GET", "/api/v1/scaling/policies/llm-demo", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(send("GET", "/api/v1/scaling/policies/llm-demo/changes", null).body())
                .contains(
                        "\"change\":\"DELETE\"",
                        "\"change\":\"UPSERT\"",
                        "\"changedBy\":\"alice\"");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("missing field", VALID.replace("\"maxReplicas\":8,", ""), "maxReplicas"),
                arguments(
                        "negative minimum",
                        VALID.replace("\"minReplicas\":1", "\"minReplicas\":-1"),
                        "minReplicas"),
                arguments(
                        "min above max",
                        VALID.replace("\"minReplicas\":1", "\"minReplicas\":9"),
                        "minReplicas: must be <= maxReplicas"),
                arguments("unknown mode", VALID.replace("RECOMMEND", "YOLO"), "mode"),
                arguments(
                        "unknown provider",
                        VALID.replace("\"local\"", "\"azure\""),
                        "provider: 'azure'"),
                arguments("not JSON", "{", "request body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesGetProblemJsonNamingTheField(String name, String body, String field)
            throws Exception {
        HttpResponse<String> r = send("PUT", "/api/v1/scaling/policies/llm-demo", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(r.body()).contains(field);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-InferScale-User", "alice");
        if (body != null) {
            b.header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
