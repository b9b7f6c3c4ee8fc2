package io.inferscale.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();

    static Stream<Arguments> everyTopic() {
        return Topics.ALL.stream().map(t -> arguments(t.name(), t, SampleEvents.byTopic().get(t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopic")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void roundTripsEveryTopicsEvent(String name, Topic topic, InferScaleEvent sample) {
        byte[] json = codec.encode(sample);
        assertThat(codec.decode(topic, json)).isEqualTo(sample);
        assertThat(sample.key()).isEqualTo(sample.model());
        assertThat(topic.eventType()).isInstanceOf(Class.class).isEqualTo(sample.getClass());
    }

    @Test
    void writesInstantsAsIsoStrings() {
        String json = codec.encodeToString(SampleEvents.requestTelemetry());
        assertThat(json).contains("\"eventTime\":\"2026-11-25T10:15:30Z\"");
    }

    @Test
    void ignoresFieldsAddedByANewerMinorProducer() {
        String json =
                codec.encodeToString(SampleEvents.fleetState())
                        .replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(codec.decode(Topics.FLEET_STATE, bytes(json)))
                .isEqualTo(SampleEvents.fleetState());
    }

    static Stream<Arguments> invalidRecords() {
        String valid = new EventCodec().encodeToString(SampleEvents.requestTelemetry());
        return Stream.of(
                arguments("not JSON", "{oops", "malformed JSON"),
                arguments("JSON null", "null", "JSON null"),
                arguments(
                        "missing model",
                        valid.replace("\"model\":\"llm-demo\",", ""),
                        "model must not be blank"),
                arguments(
                        "status out of range",
                        valid.replace("\"status\":200", "\"status\":42"),
                        "status must be"),
                arguments(
                        "negative latency",
                        valid.replace("\"latencyMs\":840.5", "\"latencyMs\":-1"),
                        "latencyMs"),
                arguments("missing primitive", valid.replace("\"attempts\":1,", ""), "at attempts"),
                arguments(
                        "unknown outcome",
                        valid.replace("\"OK\"", "\"MAYBE\""),
                        "malformed JSON at outcome"),
                arguments(
                        "missing meta",
                        valid.replaceFirst("\"meta\":\\{[^}]*\\},", ""),
                        "meta is required"),
                arguments(
                        "newer schema",
                        valid.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                        "schema version 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void refusesInvalidRecordsWithAReasonNamingTheProblem(String name, String json, String reason) {
        assertThatThrownBy(() -> codec.decode(Topics.TELEMETRY_REQUESTS, bytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("telemetry.requests: ")
                .hasMessageContaining(reason);
    }

    @Test
    void refusesAbsentValues() {
        assertThatThrownBy(() -> codec.decode(Topics.DEMAND, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no value");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
