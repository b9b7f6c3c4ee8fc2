package io.inferscale.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/events.md must describe every topic, and its examples must be valid under the current
 * contracts.
 */
class EventsDocTest {
    static final Path DOC = Path.of("..", "docs", "events.md");

    static Stream<Arguments> topics() {
        return Topics.ALL.stream().map(t -> arguments(t.name(), t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void documentsTheTopicWithAValidExample(String name, Topic<?> topic) throws IOException {
        String doc = Files.readString(DOC);
        String heading = "## `" + name + "`";
        assertThat(doc).contains(heading);
        String section = doc.substring(doc.indexOf(heading));
        int next = section.indexOf("\n## ", heading.length());
        section = next > 0 ? section.substring(0, next) : section;
        assertThat(section).contains(topic.compacted() ? "compacted" : retention(topic));
        int start = section.indexOf("```json") + "```json".length();
        String json = section.substring(start, section.indexOf("```", start));
        InferScaleEvent decoded =
                new EventCodec().decode(topic, json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.model()).isNotBlank();
    }

    private static String retention(Topic<?> topic) {
        long days = topic.retention().toDays();
        return days + (days == 1 ? " day" : " days");
    }
}
