package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed row fails with {@code file:line: what was wrong}, whether at open or while
 * streaming.
 */
class MalformedTraceTest {
    private static final String AZURE_HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens\r\n";
    private static final String AZURE_ROW = "2023-11-16 18:15:46.6805900,374,44\r\n";
    private static final String MOONCAKE_ROW =
            "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1, \"hash_ids\": [1]}\n";
    private static final String MINUTE_HEADER = "minute_start_local,unix_time_s,requests,outage\n";
    private static final String MINUTE_ROW = "1995-07-01T00:00:00-04:00,804571200,42,0\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                azure(
                        "non-integer tokens",
                        AZURE_HEADER + AZURE_ROW + "2023-11-16 18:15:47.0000000,abc,1",
                        ":3: ContextTokens \"abc\" is not an integer"),
                azure(
                        "negative tokens",
                        AZURE_HEADER + AZURE_ROW + "2023-11-16 18:15:47.0000000,5,-1",
                        ":3: GeneratedTokens -1 is negative"),
                azure(
                        "empty tokens",
                        AZURE_HEADER + AZURE_ROW + "2023-11-16 18:15:47.0000000,,1",
                        ":3: ContextTokens is empty"),
                azure(
                        "too many fields",
                        AZURE_HEADER + AZURE_ROW + "2023-11-16 18:15:47.0000000,5,1,9",
                        ":3: expected 3 fields"),
                azure(
                        "bad timestamp",
                        AZURE_HEADER + "2023-11-16T18:15:46.6805900,374,44",
                        ":2: TIMESTAMP \"2023-11-16T18:15:46.6805900\" is not yyyy-MM-dd HH:mm:ss.fffffff"),
                azure(
                        "impossible date",
                        AZURE_HEADER + AZURE_ROW + "2023-02-30 18:15:47.0000000,5,1",
                        ":3: TIMESTAMP \"2023-02-30 18:15:47.0000000\""),
                azure(
                        "time going backwards",
                        AZURE_HEADER + AZURE_ROW + "2023-11-16 18:15:45.0000000,5,1",
                        ":3: TIMESTAMP 2023-11-16 18:15:45.0000000 is before the previous row's"),
                azure(
                        "wrong header",
                        "time,prompt,output\r\n" + AZURE_ROW,
                        ":1: expected header \"TIMESTAMP,ContextTokens,GeneratedTokens\""),
                azure("header only", AZURE_HEADER, ":1: no data rows after the header"),
                azure(
                        "blank line inside",
                        AZURE_HEADER + AZURE_ROW + "\r\n" + AZURE_ROW,
                        ":3: empty line"),
                mooncake(
                        "string where an integer belongs",
                        MOONCAKE_ROW
                                + "{\"timestamp\": 0, \"input_length\": \"abc\", \"output_length\": 1, \"hash_ids\": []}",
                        ":2: input_length \"abc\" is not an integer"),
                mooncake(
                        "fractional timestamp",
                        "{\"timestamp\": 1.5, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": []}",
                        ":1: timestamp 1.5 is not an integer"),
                mooncake(
                        "negative hash id",
                        "{\"timestamp\": 0, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": [3, -4]}",
                        ":1: hash_ids element -4 is negative"),
                mooncake(
                        "missing field",
                        "{\"timestamp\": 0, \"input_length\": 1, \"hash_ids\": []}",
                        ":1: missing field \"output_length\""),
                mooncake(
                        "unknown field",
                        "{\"timestamp\": 0, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": [], \"x\": 1}",
                        ":1: unknown field \"x\""),
                mooncake(
                        "repeated field",
                        "{\"timestamp\": 0, \"timestamp\": 1, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": []}",
                        ":1: field \"timestamp\" appears twice"),
                mooncake(
                        "truncated line",
                        MOONCAKE_ROW + "{\"timestamp\": 0, \"input_length\": 1",
                        ":2: line ends where ',' or '}' was expected"),
                mooncake(
                        "trailing text",
                        MOONCAKE_ROW.strip() + " x\n",
                        ":1: unexpected text after the JSON object"),
                mooncake(
                        "unterminated array",
                        "{\"timestamp\": 0, \"input_length\": 1, \"output_length\": 1, \"hash_ids\": [1 2]}",
                        ":1: expected ',' or ']'"),
                mooncake(
                        "timestamp going backwards",
                        MOONCAKE_ROW.replace("\"timestamp\": 0", "\"timestamp\": 3000")
                                + MOONCAKE_ROW,
                        ":2: timestamp 0 is before the previous row's 3000"),
                mooncake("blank line inside", MOONCAKE_ROW + "\n" + MOONCAKE_ROW, ":2: empty line"),
                perMinute(
                        "non-numeric requests",
                        MINUTE_HEADER + MINUTE_ROW + "1995-07-01T00:01:00-04:00,804571260,many,0\n",
                        ":3: requests \"many\" is not a number"),
                perMinute(
                        "outage neither 0 nor 1",
                        MINUTE_HEADER + MINUTE_ROW + "1995-07-01T00:01:00-04:00,804571260,5,yes\n",
                        ":3: outage \"yes\" is not 0 or 1"),
                perMinute(
                        "local and unix times disagree",
                        MINUTE_HEADER + MINUTE_ROW + "1995-07-01T00:01:00-04:00,804571320,5,0\n",
                        ":3: minute_start_local 1995-07-01T00:01:00-04:00 is 804571260 s, but unix_time_s is 804571320"),
                perMinute(
                        "step not whole minutes",
                        "unix_time_s,requests\n804571200,1\n804571230,1\n",
                        ":3: row time 804571230 is not a whole number of minutes after 804571200"),
                perMinute(
                        "time going backwards",
                        "unix_time_s,requests\n804571200,1\n804571140,1\n",
                        ":3: row time 804571140 is not after the previous row's 804571200"),
                perMinute(
                        "negative requests",
                        "unix_time_s,requests\n804571200,1\n804571260,-5\n",
                        ":3: requests -5 is negative"),
                perMinute(
                        "implausible jump",
                        "unix_time_s,requests\n804571200,1\n8045712000,1\n",
                        ":3: row time jumps"),
                perMinute(
                        "bad local time",
                        "minute_start_local,requests\n1995-07-01 00:00,1\n",
                        ":2: minute_start_local \"1995-07-01 00:00\" is not an ISO-8601 date-time with offset"),
                perMinute(
                        "missing columns",
                        "time,requests\n1,1\n",
                        ":1: header needs requests and unix_time_s"),
                perMinute(
                        "short row",
                        MINUTE_HEADER + "1995-07-01T00:00:00-04:00,804571200,42\n",
                        ":2: expected 4 fields like the header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesFileLineAndProblem(
            String name, TraceFormat format, String content, String expected, @TempDir Path dir) {
        String fileName = "bad_" + format.cliName() + ".trace";
        Path file = TraceFixtures.write(dir, fileName, content);

        assertThatThrownBy(() -> TraceFixtures.readAll(file, format, TraceOptions.defaults()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(fileName + ":")
                .hasMessageContaining(expected);
    }

    private static Arguments azure(String name, String content, String expected) {
        return Arguments.of("azure-llm: " + name, TraceFormat.AZURE_LLM, content, expected);
    }

    private static Arguments mooncake(String name, String content, String expected) {
        return Arguments.of("mooncake: " + name, TraceFormat.MOONCAKE, content, expected);
    }

    private static Arguments perMinute(String name, String content, String expected) {
        return Arguments.of("per-minute: " + name, TraceFormat.PER_MINUTE, content, expected);
    }
}
