package io.inferscale.scaler.adapter.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ECS adapter against WireMock speaking AWS JSON 1.1. */
class AwsEcsAdapterIT {
    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort());
    static final ScalingTarget SERVICE =
            new ScalingTarget("llm-demo", AwsEcsAdapter.PROVIDER, "inference/llm-demo");
    AwsEcsAdapter adapter;

    @BeforeAll
    static void start() {
        aws.start();
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
        adapter =
                new AwsEcsAdapter(
                        AwsClients.ecs(
                                AwsStubs.props(aws.port(), Duration.ofSeconds(5)),
                                AwsStubs.fakeCredentials()),
                        Clock.systemUTC());
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void updateServiceSendsClusterServiceAndDesiredCount() {
        aws.stubFor(
                post("/")
                        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + "UpdateService"))
                        .willReturn(
                                AwsStubs.json(
                                        200,
                                        "{\"service\":{\"serviceName\":\"llm-demo\","
                                                + "\"desiredCount\":4}}")));

        adapter.setDesiredReplicas(SERVICE, 4);

        aws.verify(
                1,
                postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + "UpdateService"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"cluster\":\"inference\",\"service\":\"llm-demo\","
                                                + "\"desiredCount\":4}")));
    }

    @Test
    void observeReadsDesiredRunningAndPendingTasks() {
        aws.stubFor(
                post("/")
                        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + "DescribeServices"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"cluster\":\"inference\",\"services\":[\"llm-demo\"]}"))
                        .willReturn(
                                AwsStubs.json(
                                        200,
                                        "{\"services\":[{\"serviceName\":\"llm-demo\","
                                                + "\"status\":\"ACTIVE\",\"desiredCount\":3,"
                                                + "\"runningCount\":2,\"pendingCount\":1}],"
                                                + "\"failures\":[]}")));

        ProviderState state = adapter.observe(SERVICE);

        assertThat(state.desiredReplicas()).isEqualTo(3);
        assertThat(state.currentReplicas()).isEqualTo(3);
        assertThat(state.readyReplicas()).isEqualTo(2);
    }

    @Test
    void aMissingServiceIsNotFound() {
        aws.stubFor(
                post("/")
                        .willReturn(
                                AwsStubs.json(
                                        200,
                                        "{\"services\":[],\"failures\":[{\"arn\":"
                                                + "\"arn:aws:ecs:us-east-1:1:service/llm-demo\","
                                                + "\"reason\":\"MISSING\"}]}")));

        assertThatThrownBy(() -> adapter.observe(SERVICE))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                            assertThat(e.getMessage()).contains("MISSING");
                        });
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "400, ThrottlingException, THROTTLED",
        "500, ServerException, SERVER_ERROR",
        "400, InvalidParameterException, INVALID_REQUEST",
        "400, ServiceNotFoundException, NOT_FOUND",
        "400, AccessDeniedException, NOT_AUTHORIZED"
    })
    void classifiesJsonErrors(int status, String type, FailureKind expected) {
        aws.stubFor(
                post("/")
                        .willReturn(
                                AwsStubs.json(
                                        status,
                                        "{\"__type\":\"" + type + "\",\"message\":\"no\"}")));

        assertThatThrownBy(() -> adapter.setDesiredReplicas(SERVICE, 2))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(expected));
    }

    @Test
    void aTargetThatIsNotClusterSlashServiceIsRejectedWithoutACall() {
        ScalingTarget bad = new ScalingTarget("m", AwsEcsAdapter.PROVIDER, "just-a-service");

        assertThatThrownBy(() -> adapter.setDesiredReplicas(bad, 2))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_TARGET));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
