package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceFormatTest {

    static Stream<Arguments> firstLines() {
        return Stream.of(
                Arguments.of(
                        "azure header",
                        "TIMESTAMP,ContextTokens,GeneratedTokens\r\n",
                        TraceFormat.AZURE_LLM),
                Arguments.of(
                        "azure header with BOM",
                        "\uFEFFTIMESTAMP,ContextTokens,GeneratedTokens",
                        TraceFormat.AZURE_LLM),
                Arguments.of("json object", "{\"timestamp\": 0}\n", TraceFormat.MOONCAKE),
                Arguments.of(
                        "nasa header",
                        "minute_start_local,unix_time_s,requests,outage\n",
                        TraceFormat.PER_MINUTE),
                Arguments.of("unix-only header", "unix_time_s,requests\n", TraceFormat.PER_MINUTE),
                Arguments.of(
                        "local-only header",
                        "requests,minute_start_local\n",
                        TraceFormat.PER_MINUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstLines")
    void detectsFromTheFirstLine(
            String name, String content, TraceFormat expected, @TempDir Path dir) {
        Path file = TraceFixtures.write(dir, "trace.txt", content);

        assertThat(TraceFormat.detect(file)).isEqualTo(expected);
        assertThat(TraceFormat.parse("auto", file)).isEqualTo(expected);
    }

    @Test
    void detectsTheFixtures() {
        assertThat(TraceFormat.detect(TraceFixtures.AZURE)).isEqualTo(TraceFormat.AZURE_LLM);
        assertThat(TraceFormat.detect(TraceFixtures.MOONCAKE)).isEqualTo(TraceFormat.MOONCAKE);
        assertThat(TraceFormat.detect(TraceFixtures.PER_MINUTE)).isEqualTo(TraceFormat.PER_MINUTE);
    }

    @Test
    void unknownFirstLineNamesFileAndLine(@TempDir Path dir) {
        Path file = TraceFixtures.write(dir, "odd.csv", "a,b,c\n1,2,3\n");

        assertThatThrownBy(() -> TraceFormat.detect(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("odd.csv:1: cannot detect the trace format from \"a,b,c\"");
    }

    @Test
    void emptyFileCannotBeDetected(@TempDir Path dir) {
        Path file = TraceFixtures.write(dir, "empty.csv", "");

        assertThatThrownBy(() -> TraceFormat.detect(file))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("empty.csv:0: empty file; cannot detect the trace format");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cliNames")
    void parsesCliNames(String name, TraceFormat expected) {
        assertThat(TraceFormat.parse(name, Path.of("unused"))).isEqualTo(expected);
        assertThat(expected.cliName()).isEqualTo(name.trim().toLowerCase());
    }

    static Stream<Arguments> cliNames() {
        return Stream.of(
                Arguments.of("azure-llm", TraceFormat.AZURE_LLM),
                Arguments.of("mooncake", TraceFormat.MOONCAKE),
                Arguments.of("per-minute", TraceFormat.PER_MINUTE),
                Arguments.of(" Per-Minute ", TraceFormat.PER_MINUTE));
    }

    @Test
    void unknownCliNameListsTheKnownOnes() {
        assertThatThrownBy(() -> TraceFormat.parse("azure", Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown trace format \"azure\"; expected one of auto, azure-llm, mooncake, per-minute");
    }
}
