package io.inferscale.scaler.adapter.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.api.gax.core.NoCredentialsProvider;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import io.inferscale.support.test.Await;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MIG adapter on google-cloud-compute's HTTP/JSON transport, against WireMock. */
class GcpMigAdapterIT {
    static final String MIG_PATH =
            "/compute/v1/projects/inferscale-prod/zones/us-central1-a/instanceGroupManagers/vllm-llama";
    static final ScalingTarget MIG =
            new ScalingTarget(
                    "llm-demo", GcpMigAdapter.PROVIDER, "inferscale-prod/us-central1-a/vllm-llama");
    static final WireMockServer gcp = new WireMockServer(wireMockConfig().dynamicPort());
    GcpMigAdapter adapter;

    @BeforeAll
    static void start() {
        gcp.start();
    }

    @AfterAll
    static void stop() {
        gcp.stop();
    }

    @BeforeEach
    void reset() {
        gcp.resetAll();
        adapter =
                new GcpMigAdapter(
                        GcpClients.instanceGroupManagers(
                                new GcpProperties(
                                        "http://127.0.0.1:" + gcp.port(), Duration.ofSeconds(5)),
                                NoCredentialsProvider.create()),
                        Clock.systemUTC());
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void resizePostsTheAbsoluteSizeToTheGroup() {
        gcp.stubFor(post(urlPathEqualTo(MIG_PATH + "/resize")).willReturn(json(200, operation())));

        adapter.setDesiredReplicas(MIG, 3);

        gcp.verify(
                1,
                postRequestedFor(urlPathEqualTo(MIG_PATH + "/resize"))
                        .withQueryParam("size", equalTo("3")));
        assertThat(gcp.getAllServeEvents()).hasSize(1);
    }

    @Test
    void observeReadsTargetSizeAndManagedInstances() {
        gcp.stubFor(
                get(urlPathEqualTo(MIG_PATH))
                        .willReturn(
                                json(
                                        200,
                                        "{\"name\":\"vllm-llama\",\"targetSize\":4,"
                                                + "\"zone\":\"us-central1-a\"}")));
        gcp.stubFor(
                post(urlPathEqualTo(MIG_PATH + "/listManagedInstances"))
                        .willReturn(
                                json(
                                        200,
                                        "{\"managedInstances\":["
                                                + instance("a", "RUNNING", "NONE")
                                                + ","
                                                + instance("b", "RUNNING", "NONE")
                                                + ","
                                                + instance("c", "STAGING", "CREATING")
                                                + ","
                                                + instance("d", "RUNNING", "DELETING")
                                                + "]}")));

        ProviderState state = adapter.observe(MIG);

        assertThat(state.desiredReplicas()).isEqualTo(4);
        assertThat(state.currentReplicas()).isEqualTo(3);
        assertThat(state.readyReplicas()).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "429, THROTTLED",
        "500, SERVER_ERROR",
        "503, SERVER_ERROR",
        "400, INVALID_REQUEST",
        "403, NOT_AUTHORIZED",
        "404, NOT_FOUND"
    })
    void classifiesHttpErrors(int status, FailureKind expected) {
        gcp.stubFor(
                any(anyUrl())
                        .willReturn(
                                json(
                                        status,
                                        "{\"error\":{\"code\":"
                                                + status
                                                + ",\"message\":\"nope\"}}")));

        assertThatThrownBy(() -> adapter.setDesiredReplicas(MIG, 3))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(expected);
                            assertThat(e.getMessage()).startsWith("resize " + MIG.target());
                        });
        // gax's own retries are off: one attempt, one request.
        assertThat(gcp.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anOperationThatFailedAtOnceIsReported() {
        gcp.stubFor(
                post(urlPathEqualTo(MIG_PATH + "/resize"))
                        .willReturn(
                                json(
                                        200,
                                        "{\"name\":\"operation-9\",\"status\":\"DONE\","
                                                + "\"httpErrorStatusCode\":400,\"error\":{\"errors\":"
                                                + "[{\"code\":\"QUOTA_EXCEEDED\",\"message\":"
                                                + "\"Quota 'GPUS_ALL_REGIONS' exceeded\"}]}}")));

        assertThatThrownBy(() -> adapter.setDesiredReplicas(MIG, 30))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
                            assertThat(e.getMessage()).contains("QUOTA_EXCEEDED");
                        });
    }

    @Test
    void aSlowAnswerIsATimeout() {
        gcp.stubFor(
                post(urlPathEqualTo(MIG_PATH + "/resize"))
                        .willReturn(json(200, operation()).withFixedDelay(2_000)));
        GcpMigAdapter impatient =
                new GcpMigAdapter(
                        GcpClients.instanceGroupManagers(
                                new GcpProperties(
                                        "http://127.0.0.1:" + gcp.port(), Duration.ofMillis(300)),
                                NoCredentialsProvider.create()),
                        Clock.systemUTC());

        assertThatThrownBy(() -> impatient.setDesiredReplicas(MIG, 3))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        impatient.close();
        // Let the abandoned request finish on the server before the next test resets it.
        Await.until(Duration.ofSeconds(10), () -> gcp.getAllServeEvents().size(), n -> n == 1);
    }

    private static String operation() {
        return "{\"kind\":\"compute#operation\",\"id\":\"1\",\"name\":\"operation-1\","
                + "\"operationType\":\"compute.instanceGroupManagers.resize\","
                + "\"status\":\"RUNNING\",\"zone\":\"us-central1-a\"}";
    }

    private static String instance(String name, String status, String action) {
        return "{\"instance\":\"https://compute.googleapis.com/compute/v1/projects/p/zones/z/"
                + "instances/"
                + name
                + "\",\"instanceStatus\":\""
                + status
                + "\",\"currentAction\":\""
                + action
                + "\"}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(body);
    }
}
