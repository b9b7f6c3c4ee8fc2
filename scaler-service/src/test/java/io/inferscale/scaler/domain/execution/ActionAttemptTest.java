package io.inferscale.scaler.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.contracts.ActionOutcome;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ScalingAction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActionAttemptTest {
    static final ScalingTarget ASG = new ScalingTarget("llm-demo", "aws-asg", "asg-llm-demo");
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void becomesAScalingActionEvent() {
        ActionAttempt a =
                new ActionAttempt(
                        "decision-1",
                        ASG,
                        5,
                        2,
                        ActionOutcome.RETRYING,
                        FailureKind.THROTTLED,
                        "Throttling: Rate exceeded",
                        T,
                        Duration.ofMillis(42),
                        Duration.ofMillis(180));
        EventMeta meta = EventMeta.at(ScalingAction.SCHEMA_VERSION, "scaler-service", T);

        assertThat(a.toEvent(meta))
                .isEqualTo(
                        new ScalingAction(
                                meta,
                                "llm-demo",
                                "decision-1",
                                "aws-asg",
                                "asg-llm-demo",
                                5,
                                2,
                                ActionOutcome.RETRYING,
                                "Throttling: Rate exceeded",
                                42));
    }

    @Test
    void aRejectedAttemptIsAFailureWithoutACall() {
        ActionAttempt a =
                new ActionAttempt(
                        "d",
                        ASG,
                        1,
                        1,
                        ActionOutcome.FAILED,
                        FailureKind.CIRCUIT_OPEN,
                        "circuit open",
                        T,
                        Duration.ZERO,
                        null);

        assertThat(a.rejected()).isTrue();
        assertThat(a.toEvent(EventMeta.at(1, "s", T)).outcome()).isEqualTo(ActionOutcome.FAILED);
    }

    @Test
    void refusesInconsistentRecords() {
        assertThatThrownBy(
                        () ->
                                new ActionAttempt(
                                        "d",
                                        ASG,
                                        1,
                                        1,
                                        ActionOutcome.RETRYING,
                                        FailureKind.THROTTLED,
                                        "x",
                                        T,
                                        Duration.ZERO,
                                        null))
                .hasMessageContaining("back-off");
        assertThatThrownBy(
                        () ->
                                new ActionAttempt(
                                        "d",
                                        ASG,
                                        1,
                                        1,
                                        ActionOutcome.SUCCEEDED,
                                        FailureKind.THROTTLED,
                                        null,
                                        T,
                                        Duration.ZERO,
                                        null))
                .hasMessageContaining("failure kind");
    }
}
