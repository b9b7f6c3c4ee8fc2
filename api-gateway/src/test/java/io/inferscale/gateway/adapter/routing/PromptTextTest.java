package io.inferscale.gateway.adapter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromptTextTest {
    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(
                        "completion prompt",
                        "{\"model\":\"m\",\"prompt\":\"Once upon\",\"max_tokens\":3}",
                        "Once upon"),
                Arguments.of("prompt array", "{\"prompt\":[\"a\",\"b\"],\"model\":\"m\"}", "ab"),
                Arguments.of("token ids", "{\"prompt\":[1,22,333]}", "1 22 333 "),
                Arguments.of(
                        "chat messages keep roles and order",
                        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"Hi\",\"name\":\"x\"}],\"stream\":true}",
                        "<system>Be brief.<user>Hi"),
                Arguments.of(
                        "content parts",
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"A\"},"
                                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}},{\"type\":\"text\",\"text\":\"B\"}]}]}",
                        "<user>AB"),
                Arguments.of(
                        "other fields skipped",
                        "{\"tools\":[{\"prompt\":\"not this\"}],\"prompt\":\"this\"}",
                        "this"),
                Arguments.of("no prompt", "{\"model\":\"m\"}", ""),
                Arguments.of("not JSON", "{\"prompt\":", ""),
                Arguments.of("not an object", "[\"prompt\"]", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void extractsThePrefixRelevantText(String name, String body, String expected) {
        assertThat(new PromptText().of(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }
}
