package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.forecast.domain.TrainingSchedule.ModelState;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingScheduleTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final TrainingSchedule SCHEDULE =
            new TrainingSchedule(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofDays(4));
    static final Duration ENOUGH = Duration.ofDays(5);

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "too little history",
                        state(Duration.ofDays(3), false, false, null, false, null),
                        false),
                arguments(
                        "enough history, never trained",
                        state(ENOUGH, false, false, null, false, null),
                        true),
                arguments(
                        "already in flight", state(ENOUGH, true, false, null, false, null), false),
                arguments(
                        "trained an hour ago",
                        state(ENOUGH, false, true, ago(60), false, ago(60)),
                        false),
                arguments(
                        "trained 6 hours ago",
                        state(ENOUGH, false, true, ago(360), false, ago(360)),
                        true),
                arguments(
                        "failed 10 minutes ago: wait for the retry",
                        state(ENOUGH, false, true, ago(10), true, ago(400)),
                        false),
                arguments(
                        "failed 40 minutes ago, last success long ago: retry",
                        state(ENOUGH, false, true, ago(40), true, ago(400)),
                        true),
                arguments(
                        "failed 40 minutes ago, last success recent: not due",
                        state(ENOUGH, false, true, ago(40), true, ago(100)),
                        false),
                arguments(
                        "a round 10 minutes ago left nothing serving: wait",
                        state(ENOUGH, false, false, ago(10), false, ago(10)),
                        false),
                arguments(
                        "nothing serves (restore failed) after the retry delay: train now",
                        state(ENOUGH, false, false, ago(60), false, ago(60)),
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ModelState state, boolean wantDue) {
        TrainingSchedule.Verdict v = SCHEDULE.due(state, NOW);
        assertThat(v.due()).as(v.reason()).isEqualTo(wantDue);
        assertThat(v.reason()).isNotBlank();
    }

    private static ModelState state(
            Duration history,
            boolean inFlight,
            boolean serving,
            Instant lastAttempt,
            boolean failed,
            Instant lastSuccess) {
        return new ModelState(history, inFlight, serving, lastAttempt, failed, lastSuccess);
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }
}
