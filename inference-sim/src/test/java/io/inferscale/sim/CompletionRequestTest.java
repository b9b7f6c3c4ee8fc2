package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** How request bodies become replica-model requests. */
class CompletionRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> cases() {
        return Stream.of(
                tc(
                        "prompt text: 4 characters per token, rounded up",
                        "{\"prompt\":\"123456789\"}",
                        null,
                        false,
                        3,
                        16,
                        ""),
                tc(
                        "prompt_tokens hint wins over the text",
                        "{\"prompt\":\"abc\",\"prompt_tokens\":900}",
                        null,
                        false,
                        900,
                        16,
                        ""),
                tc(
                        "empty prompt still costs one token",
                        "{\"prompt\":\"\"}",
                        null,
                        false,
                        1,
                        16,
                        ""),
                tc("prompt as token ids", "{\"prompt\":[1,2,3]}", null, false, 3, 16, ""),
                tc(
                        "max_tokens",
                        "{\"prompt\":\"abcd\",\"max_tokens\":250}",
                        null,
                        false,
                        1,
                        250,
                        ""),
                tc(
                        "chat: max_completion_tokens and text parts",
                        "{\"messages\":[{\"role\":\"system\",\"content\":\"12345678\"},"
                                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"1234\"}]}],"
                                + "\"max_completion_tokens\":7}",
                        null,
                        true,
                        3,
                        7,
                        ""),
                tc(
                        "prefix hashes from the body",
                        "{\"prompt\":\"a\",\"prefix_hashes\":[5,-6]}",
                        null,
                        false,
                        1,
                        16,
                        "5,-6"),
                tc(
                        "the header wins over the body",
                        "{\"prompt\":\"a\",\"prefix_hashes\":[5]}",
                        "1, 2",
                        false,
                        1,
                        16,
                        "1,2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parses(
            String name,
            String body,
            String header,
            boolean chat,
            int prompt,
            int max,
            String hashes) {
        CompletionRequest r = CompletionRequest.parse(JSON, body, header, chat);

        assertThat(r.promptTokens()).isEqualTo(prompt);
        assertThat(r.maxTokens()).isEqualTo(max);
        assertThat(r.chat()).isEqualTo(chat);
        assertThat(r.prefixHashes())
                .containsExactly(
                        hashes.isEmpty()
                                ? new long[0]
                                : Stream.of(hashes.split(","))
                                        .mapToLong(Long::parseLong)
                                        .toArray());
    }

    private static Arguments tc(
            String name,
            String body,
            String header,
            boolean chat,
            int prompt,
            int max,
            String hashes) {
        return Arguments.of(name, body, header, chat, prompt, max, hashes);
    }
}
