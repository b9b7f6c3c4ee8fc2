package io.inferscale.collector.adapter.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window consumer's decoder must accept and refuse exactly what the contract codec does, and
 * decode to the same record; only its speed may differ.
 */
class DecoderAgreementTest {
    static final String DOC_EXAMPLE =
            """
            {"meta":{"schemaVersion":1,"eventId":"7b0c9a52-1f7e-4d8a-9a43-0f6f3c1d2e11",
             "producer":"api-gateway@gw-0:8080","eventTime":"EVENT_TIME"},
             "model":"llm-demo","replicaId":"llm-demo-1","gatewayId":"api-gateway-1","path":"/v1/chat/completions",
             "status":200,"outcome":"OK","startedAt":"STARTED_AT","latencyMs":840.5,"ttftMs":95.2,
             "promptTokens":1155,"outputTokens":211,"queueMs":12.0,"streamed":true,"attempts":1,"policy":"p2c"}
            """;

    static String json(String eventTime, String startedAt) {
        return DOC_EXAMPLE
                .replace("\"EVENT_TIME\"", eventTime)
                .replace("\"STARTED_AT\"", startedAt);
    }

    static String at(String eventTime) {
        return json(eventTime, "\"2026-11-25T10:15:29.160Z\"");
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("the documented example", at("\"2026-11-25T10:15:30Z\"")),
                arguments("milliseconds", at("\"2026-11-25T10:15:30.123Z\"")),
                arguments("one fraction digit", at("\"2026-11-25T10:15:30.1Z\"")),
                arguments("nanoseconds", at("\"2026-11-25T10:15:30.123456789Z\"")),
                arguments("ten fraction digits", at("\"2026-11-25T10:15:30.1234567891Z\"")),
                arguments("a dot and no digits", at("\"2026-11-25T10:15:30.Z\"")),
                arguments("an offset instead of Z", at("\"2026-11-25T11:15:30+01:00\"")),
                arguments("epoch seconds as a number", at("1795601730")),
                arguments("epoch seconds with fraction", at("1795601730.25")),
                arguments("leap second", at("\"2026-12-31T23:59:60Z\"")),
                arguments("hour 24", at("\"2026-11-25T24:00:00Z\"")),
                arguments("month 13", at("\"2026-13-25T10:15:30Z\"")),
                arguments("30 February", at("\"2028-02-30T10:15:30Z\"")),
                arguments("29 February of a leap year", at("\"2028-02-29T10:15:30Z\"")),
                arguments("year 0001", at("\"0001-01-01T00:00:00Z\"")),
                arguments("lower-case z", at("\"2026-11-25T10:15:30z\"")),
                arguments("a space for T", at("\"2026-11-25 10:15:30Z\"")),
                arguments("letters in the digits", at("\"2026-1a-25T10:15:30Z\"")),
                arguments("empty string", at("\"\"")),
                arguments("null event time", at("null")),
                arguments(
                        "startedAt missing",
                        DOC_EXAMPLE
                                .replace("\"startedAt\":\"STARTED_AT\",", "")
                                .replace("\"EVENT_TIME\"", "\"2026-11-25T10:15:30Z\"")),
                arguments(
                        "an unknown field",
                        at("\"2026-11-25T10:15:30Z\"")
                                .replace("\"policy\"", "\"newField\":[1,2],\"policy\"")),
                arguments(
                        "status null",
                        at("\"2026-11-25T10:15:30Z\"")
                                .replace("\"status\":200", "\"status\":null")),
                arguments(
                        "status out of range",
                        at("\"2026-11-25T10:15:30Z\"").replace("\"status\":200", "\"status\":700")),
                arguments(
                        "status as a string",
                        at("\"2026-11-25T10:15:30Z\"")
                                .replace("\"status\":200", "\"status\":\"200\"")),
                arguments(
                        "newer schema version",
                        at("\"2026-11-25T10:15:30Z\"")
                                .replace("\"schemaVersion\":1", "\"schemaVersion\":2")),
                arguments("JSON null", "null"),
                arguments("not JSON", "{not json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesExactlyLikeTheContractCodec(String name, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        EventCodec codec = new EventCodec();
        TelemetryDeserializer fast = new TelemetryDeserializer(codec);
        RequestTelemetry expected;
        try {
            expected = codec.decode(Topics.TELEMETRY_REQUESTS, bytes);
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> fast.deserialize(Topics.TELEMETRY_REQUESTS.name(), bytes))
                    .as("the codec refused it: %s", refused.getMessage())
                    .isInstanceOf(RuntimeException.class);
            return;
        }
        assertThat(fast.deserialize(Topics.TELEMETRY_REQUESTS.name(), bytes)).isEqualTo(expected);
    }
}
