package io.inferscale.scaler.adapter.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.support.test.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The EC2 Auto Scaling adapter against WireMock speaking the AWS Query protocol. */
class AwsAutoScalingAdapterIT {
    static final WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort());
    AwsAutoScalingAdapter adapter;

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
        // Generous: the first SDK call of a JVM is slow on a busy 2-core machine.
        adapter = AwsStubs.asgAdapter(aws.port(), Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void setDesiredCapacitySendsTheAbsoluteCountForTheGroup() {
        aws.stubFor(
                post("/")
                        .withFormParam("Action", equalTo("SetDesiredCapacity"))
                        .willReturn(AwsStubs.setDesiredCapacityOk()));

        adapter.setDesiredReplicas(AwsStubs.asg("asg-llm-demo"), 5);

        aws.verify(
                1,
                postRequestedFor(urlEqualTo("/"))
                        .withHeader("content-type", containing("application/x-www-form-urlencoded"))
                        .withFormParam("Action", equalTo("SetDesiredCapacity"))
                        .withFormParam("Version", equalTo("2011-01-01"))
                        .withFormParam("AutoScalingGroupName", equalTo("asg-llm-demo"))
                        .withFormParam("DesiredCapacity", equalTo("5"))
                        .withFormParam("HonorCooldown", equalTo("false"))
                        // Signed with SigV4 by the key id; the secret itself never travels.
                        .withHeader(
                                "Authorization",
                                matching(
                                        "AWS4-HMAC-SHA256 Credential="
                                                + AwsStubs.ACCESS_KEY_ID
                                                + "/\\d{8}/us-east-1/autoscaling/aws4_request.*")));
        LoggedRequest sent = aws.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getBodyAsString() + sent.getHeaders()).doesNotContain(AwsStubs.SECRET_KEY);
    }

    @Test
    void observeCountsLiveInstancesAndHealthyInServiceOnesAsReady() {
        aws.stubFor(
                post("/")
                        .withFormParam("Action", equalTo("DescribeAutoScalingGroups"))
                        .withFormParam("AutoScalingGroupNames.member.1", equalTo("asg-llm-demo"))
                        .willReturn(
                                AwsStubs.describeGroup(
                                        "asg-llm-demo",
                                        4,
                                        "InService:Healthy",
                                        "InService:Healthy",
                                        "InService:Unhealthy",
                                        "Pending:Healthy",
                                        "Terminating:Healthy")));

        ProviderState state = adapter.observe(AwsStubs.asg("asg-llm-demo"));

        assertThat(state.desiredReplicas()).isEqualTo(4);
        assertThat(state.currentReplicas()).isEqualTo(4);
        assertThat(state.readyReplicas()).isEqualTo(2);
        assertThat(state.replicas()).isEmpty();
    }

    @Test
    void aMissingGroupIsNotFound() {
        aws.stubFor(post("/").willReturn(AwsStubs.noGroups()));

        assertThatThrownBy(() -> adapter.observe(AwsStubs.asg("nope")))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(
                        "400 Throttling",
                        AwsStubs.queryError(400, "Throttling", "Rate exceeded"),
                        FailureKind.THROTTLED),
                arguments(
                        "429",
                        AwsStubs.queryError(429, "TooManyRequestsException", "slow down"),
                        FailureKind.THROTTLED),
                arguments(
                        "500",
                        AwsStubs.queryError(500, "InternalFailure", "oops"),
                        FailureKind.SERVER_ERROR),
                arguments(
                        "400 ValidationError",
                        AwsStubs.queryError(
                                400,
                                "ValidationError",
                                "New SetDesiredCapacity value 50 is above max value 10"),
                        FailureKind.INVALID_REQUEST),
                arguments(
                        "403 bad key",
                        AwsStubs.queryError(403, "InvalidClientTokenId", "bad key"),
                        FailureKind.NOT_AUTHORIZED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void classifiesWhatTheServiceSays(
            String name, ResponseDefinitionBuilder response, FailureKind expected) {
        aws.stubFor(post("/").willReturn(response));

        assertThatThrownBy(() -> adapter.setDesiredReplicas(AwsStubs.asg("asg-llm-demo"), 50))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(expected);
                            assertThat(e.getMessage())
                                    .startsWith("SetDesiredCapacity asg-llm-demo")
                                    .doesNotContain(AwsStubs.SECRET_KEY);
                        });
        // The SDK's own retries are off: one attempt, one request.
        assertThat(aws.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheAttemptTimeoutIsATimeout() {
        aws.stubFor(post("/").willReturn(AwsStubs.setDesiredCapacityOk().withFixedDelay(1_500)));
        AwsAutoScalingAdapter impatient = AwsStubs.asgAdapter(aws.port(), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.setDesiredReplicas(AwsStubs.asg("asg-llm-demo"), 3))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
        impatient.close();
        // Let the abandoned request finish on the server before the next test resets it.
        Await.until(Duration.ofSeconds(10), () -> aws.getAllServeEvents().size(), n -> n == 1);
    }

    @Test
    void anUnreachableEndpointIsRetryable() {
        AwsAutoScalingAdapter nowhere = AwsStubs.asgAdapter(freePort(), Duration.ofMillis(500));

        assertThatThrownBy(() -> nowhere.setDesiredReplicas(AwsStubs.asg("a"), 1))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e ->
                                assertThat(e.kind())
                                        .isIn(
                                                List.of(
                                                        FailureKind.UNREACHABLE,
                                                        FailureKind.TIMEOUT)));
        nowhere.close();
    }

    /** A port nothing listens on (freed again at once). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
