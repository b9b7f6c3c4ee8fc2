package io.inferscale.scaler.adapter.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.inferscale.contracts.ActionOutcome.FAILED;
import static io.inferscale.contracts.ActionOutcome.RETRYING;
import static io.inferscale.contracts.ActionOutcome.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.inferscale.scaler.adapter.aws.AwsAutoScalingAdapter;
import io.inferscale.scaler.adapter.aws.AwsEcsAdapter;
import io.inferscale.scaler.adapter.aws.AwsStubs;
import io.inferscale.scaler.adapter.jdbc.ScalingActionRepository;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionResult;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ScalingExecutors;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole execution layer as the service wires it: AWS adapters behind Resilience4j, WireMock as
 * the AWS endpoint injecting throttling, 5xx and timeouts, action records in PostgreSQL, metrics in
 * the service's registry. Credentials come through the SDK's default chain (system properties).
 */
@ServiceIT
// The control loop would act on the policies this test writes; ScalerControlIT covers it.
@TestPropertySource(properties = "inferscale.scaler.control.enabled=false")
class ResilientExecutionIT {
    static final WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort());
    static final ScalingTarget ASG =
            new ScalingTarget("llm-demo", AwsAutoScalingAdapter.PROVIDER, "asg-llm-demo");
    static final ScalingTarget ECS =
            new ScalingTarget("llm-demo", AwsEcsAdapter.PROVIDER, "inference/llm-demo");
    static final long INITIAL_BACKOFF_MS = 100;

    static {
        aws.start();
        // Found by the SDK's default provider chain, as production credentials would be.
        System.setProperty("aws.accessKeyId", AwsStubs.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", AwsStubs.SECRET_KEY);
    }

    @DynamicPropertySource
    static void execution(DynamicPropertyRegistry r) {
        String p = "inferscale.scaler.execution.";
        r.add(p + "enabled", () -> "aws-asg,aws-ecs");
        r.add(p + "aws.region", () -> "us-east-1");
        r.add(p + "aws.endpoint-override", () -> "http://127.0.0.1:" + aws.port());
        r.add(p + "aws.attempt-timeout", () -> "1s");
        r.add(p + "retry.max-attempts", () -> "4");
        r.add(p + "retry.initial-backoff", () -> INITIAL_BACKOFF_MS + "ms");
        r.add(p + "retry.multiplier", () -> "2.0");
        r.add(p + "retry.jitter", () -> "0.5");
        r.add(p + "circuit-breaker.sliding-window", () -> "4");
        r.add(p + "circuit-breaker.minimum-calls", () -> "4");
        r.add(p + "circuit-breaker.failure-rate-threshold", () -> "50");
        r.add(p + "circuit-breaker.open-for", () -> "60s");
    }

    @Autowired ScalingExecutors executors;
    @Autowired ScalingActionRepository actions;
    @Autowired CircuitBreakerRegistry breakers;
    @Autowired MeterRegistry meters;
    @Autowired JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        aws.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void reset() {
        warmUpOnce();
        aws.resetAll();
        jdbc.update("DELETE FROM scaler.scaling_action");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void retriesThrottlingAndServerErrorsWithGrowingBackOffUntilOneEffectiveCall() {
        stubSetDesiredCapacity(
                AwsStubs.queryError(400, "Throttling", "Rate exceeded"),
                AwsStubs.queryError(500, "InternalFailure", "internal error"),
                AwsStubs.setDesiredCapacityOk());

        ActionResult result = executors.forTarget(ASG).apply(ASG, 5, "decision-retry");

        assertThat(result.attempts())
                .extracting(ActionAttempt::attempt, ActionAttempt::outcome, ActionAttempt::failure)
                .containsExactly(
                        tuple(1, RETRYING, FailureKind.THROTTLED),
                        tuple(2, RETRYING, FailureKind.SERVER_ERROR),
                        tuple(3, SUCCEEDED, null));
        // Every attempt asked for the same absolute capacity; none after the one that succeeded.
        List<LoggedRequest> sent = setDesiredCapacityRequests();
        assertThat(sent).hasSize(3);
        assertThat(sent)
                .allSatisfy(
                        r -> {
                            assertThat(r.formParameter("AutoScalingGroupName").getValues())
                                    .containsExactly("asg-llm-demo");
                            assertThat(r.formParameter("DesiredCapacity").getValues())
                                    .containsExactly("5");
                            assertThat(r.getHeader("Authorization"))
                                    .contains("Credential=" + AwsStubs.ACCESS_KEY_ID + "/");
                        });
        // Exponential back-off with jitter: wait n in [b*2^(n-1)*0.5, b*2^(n-1)*1.5], and the next
        // request really came at least that much later.
        List<ActionAttempt> stored = actions.forDecision("decision-retry");
        // Stored as PostgreSQL keeps them: microsecond timestamps, millisecond durations.
        assertThat(stored)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("startedAt", "duration")
                .containsExactlyElementsOf(result.attempts());
        for (int n = 0; n < 2; n++) {
            long base = INITIAL_BACKOFF_MS << n;
            long wait = stored.get(n).backoff().toMillis();
            assertThat(wait).isBetween(base / 2, base * 3 / 2);
            long gap =
                    sent.get(n + 1).getLoggedDate().getTime()
                            - sent.get(n).getLoggedDate().getTime();
            assertThat(gap).as("gap before attempt %d", n + 2).isGreaterThanOrEqualTo(wait - 1);
        }
        assertThat(attempts("aws-asg", "RETRYING", "THROTTLED")).isEqualTo(1.0);
        assertThat(attempts("aws-asg", "SUCCEEDED", "none")).isEqualTo(1.0);
    }

    @Test
    void aTimedOutAttemptIsRetriedWithTheSameAbsoluteCount() {
        stubSetDesiredCapacity(
                AwsStubs.setDesiredCapacityOk().withFixedDelay(2_500),
                AwsStubs.setDesiredCapacityOk());

        ActionResult result = executors.forTarget(ASG).apply(ASG, 7, "decision-timeout");

        assertThat(result.attempts())
                .extracting(ActionAttempt::outcome, ActionAttempt::failure)
                .containsExactly(tuple(RETRYING, FailureKind.TIMEOUT), tuple(SUCCEEDED, null));
        // The first request may have been applied by the provider after all: the retry sets the
        // same absolute capacity, so the group ends where one call would have left it.
        List<LoggedRequest> sent =
                Await.until(
                        Duration.ofSeconds(10),
                        this::setDesiredCapacityRequests,
                        l -> l.size() == 2);
        assertThat(sent)
                .extracting(r -> r.formParameter("DesiredCapacity").firstValue())
                .containsExactly("7", "7");
    }

    @Test
    void aValidationErrorIsRecordedOnceAndNeitherRetriedNorCountedAgainstTheProvider() {
        stubSetDesiredCapacity(
                AwsStubs.queryError(
                        400,
                        "ValidationError",
                        "New SetDesiredCapacity value 50 is above max value 10"));

        ActionResult result = executors.forTarget(ASG).apply(ASG, 50, "decision-invalid");

        assertThat(result.attempts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.outcome()).isEqualTo(FAILED);
                            assertThat(a.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
                            assertThat(a.error()).contains("ValidationError", "above max value 10");
                        });
        assertThat(setDesiredCapacityRequests()).hasSize(1);
        assertThat(actions.forDecision("decision-invalid")).hasSize(1);
        assertThat(breakers.circuitBreaker("aws-asg").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void theCircuitOpensForTheFailingProviderOnlyAndRejectsWithoutCalling() {
        aws.stubFor(
                post("/")
                        .withHeader("X-Amz-Target", equalTo(ECS_UPDATE))
                        .willReturn(
                                AwsStubs.json(
                                        500,
                                        "{\"__type\":\"ServerException\",\"message\":\"down\"}")));

        ActionResult exhausted = executors.forTarget(ECS).apply(ECS, 3, "decision-ecs-1");
        ActionResult rejected = executors.forTarget(ECS).apply(ECS, 3, "decision-ecs-2");

        assertThat(exhausted.attempts())
                .extracting(ActionAttempt::outcome)
                .containsExactly(RETRYING, RETRYING, RETRYING, FAILED);
        assertThat(breakers.circuitBreaker("aws-ecs").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(rejected.attempts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.rejected()).isTrue();
                            assertThat(a.outcome()).isEqualTo(FAILED);
                            assertThat(a.duration()).isZero();
                        });
        assertThat(
                        aws.findAll(
                                postRequestedFor(urlEqualTo("/"))
                                        .withHeader("X-Amz-Target", equalTo(ECS_UPDATE))))
                .hasSize(4);
        assertThat(actions.forDecision("decision-ecs-2"))
                .extracting(ActionAttempt::failure)
                .containsExactly(FailureKind.CIRCUIT_OPEN);
        assertThat(
                        meters.get("resilience4j.circuitbreaker.state")
                                .tags("name", "aws-ecs", "state", "open")
                                .gauge()
                                .value())
                .isEqualTo(1.0);

        // One breaker per provider: Auto Scaling is unaffected.
        stubSetDesiredCapacity(AwsStubs.setDesiredCapacityOk());
        assertThat(executors.forTarget(ASG).apply(ASG, 2, "decision-asg").succeeded()).isTrue();
        assertThat(breakers.circuitBreaker("aws-asg").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void storedErrorsCarryNoCredentials() {
        stubSetDesiredCapacity(
                AwsStubs.queryError(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match; key "
                                + AwsStubs.ACCESS_KEY_ID));

        executors.forTarget(ASG).apply(ASG, 1, "decision-auth");

        List<String> errors =
                jdbc.queryForList("SELECT error FROM scaler.scaling_action", String.class);
        assertThat(errors)
                .singleElement()
                .asString()
                .contains("SignatureDoesNotMatch")
                .doesNotContain(AwsStubs.ACCESS_KEY_ID)
                .doesNotContain(AwsStubs.SECRET_KEY);
    }

    static final String ECS_UPDATE = "AmazonEC2ContainerServiceV20141113.UpdateService";
    private static boolean warm;

    /** The first SDK call of a JVM is slow; keep it out of the 1 s attempt timeouts above. */
    private void warmUpOnce() {
        if (warm) {
            return;
        }
        aws.stubFor(post("/").willReturn(AwsStubs.describeGroup("asg-llm-demo", 1)));
        executors.forTarget(ASG).observe(ASG);
        warm = true;
    }

    private void stubSetDesiredCapacity(ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "after-" + (i + 1);
            aws.stubFor(
                    post("/")
                            .withFormParam("Action", equalTo("SetDesiredCapacity"))
                            .inScenario("set-desired-capacity")
                            .whenScenarioStateIs(state)
                            .willReturn(responses[i])
                            .willSetStateTo(next));
            state = next;
        }
    }

    private List<LoggedRequest> setDesiredCapacityRequests() {
        return aws
                .findAll(
                        postRequestedFor(urlEqualTo("/"))
                                .withFormParam("Action", equalTo("SetDesiredCapacity")))
                .stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private double attempts(String provider, String outcome, String failure) {
        return meters.get(ExecutionMetrics.ATTEMPTS)
                .tags("provider", provider, "outcome", outcome, "failure", failure)
                .counter()
                .count();
    }
}
