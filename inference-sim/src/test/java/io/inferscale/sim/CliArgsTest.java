package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.core.replica.ReplicaConfig;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliArgsTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                tc(
                        "no options: the defaults",
                        new String[0],
                        c -> c.equals(InferenceSimConfig.defaults())),
                tc(
                        "identity",
                        new String[] {"--port", "0", "--model", "m", "--replica-id", "r7"},
                        c -> c.port() == 0 && c.model().equals("m") && c.replicaId().equals("r7")),
                tc(
                        "simple mode with a median",
                        new String[] {"--mode", "simple", "--service-time-ms", "12.5"},
                        c ->
                                c.replica().mode() == ReplicaConfig.Mode.SIMPLE
                                        && c.replica().serviceMedianNanos() == 12_500_000
                                        && c.replica().maxBatch() == 8),
                tc(
                        "llm knobs",
                        new String[] {
                            "--max-batch",
                            "64",
                            "--prefill-us-per-token",
                            "20",
                            "--decode-base-ms",
                            "5",
                            "--decode-per-seq-ms",
                            "0.2",
                            "--kv-capacity-tokens",
                            "9000"
                        },
                        c ->
                                c.replica().maxBatch() == 64
                                        && c.replica().prefillNanosPerToken() == 20_000
                                        && c.replica().decodeBaseNanos() == 5_000_000
                                        && c.replica().decodePerSeqNanos() == 200_000
                                        && c.replica().kvCapacityTokens() == 9000),
                tc(
                        "speed, seed and faults",
                        new String[] {
                            "--speed",
                            "0.5",
                            "--seed",
                            "9",
                            "--slowdown",
                            "2",
                            "--error-rate",
                            "0.1",
                            "--stream-interval-ms",
                            "20"
                        },
                        c ->
                                c.speed() == 0.5
                                        && c.seed() == 9
                                        && c.slowdown() == 2
                                        && c.errorRate() == 0.1
                                        && c.streamInterval().toMillis() == 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsed")
    void parses(String name, String[] args, Predicate<InferenceSimConfig> want) {
        assertThat(CliArgs.parse(args)).matches(want);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("unknown option", new String[] {"--colour", "red"}),
                Arguments.of("missing value", new String[] {"--port"}),
                Arguments.of("not a number", new String[] {"--port", "eighty"}),
                Arguments.of("unknown mode", new String[] {"--mode", "fast"}),
                Arguments.of("negative speed", new String[] {"--speed", "-1"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, String[] args) {
        assertThatThrownBy(() -> CliArgs.parse(args)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments tc(String name, String[] args, Predicate<InferenceSimConfig> want) {
        return Arguments.of(name, args, want);
    }
}
