package io.inferscale.gateway.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageScannerTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(
                        "non-streamed completion",
                        "{\"id\":\"c1\",\"choices\":[{\"text\":\"hi\"}],"
                                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46}}",
                        12,
                        34),
                Arguments.of(
                        "stream: usage in the last chunk only",
                        "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":null}\n\n"
                                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}\n\n"
                                + "data: [DONE]\n\n",
                        7,
                        3),
                Arguments.of(
                        "stream with running usage: the last value wins",
                        "data: {\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":1}}\n\n"
                                + "data: {\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n",
                        7,
                        2),
                Arguments.of(
                        "pretty-printed",
                        "{\n  \"usage\" : {\n    \"prompt_tokens\" :  5 ,\n    \"completion_tokens\": 9\n  }\n}",
                        5,
                        9),
                Arguments.of(
                        "details objects are not counts",
                        "{\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":99},\"prompt_tokens\":4,"
                                + "\"completion_tokens\":2}}",
                        4,
                        2),
                Arguments.of(
                        "no usage", "{\"choices\":[{\"text\":\"prompt_tokens\"}]}", null, null),
                Arguments.of(
                        "key inside a string value, then no number",
                        "{\"text\":\"\\\"prompt_tokens\\\" are\"}",
                        null,
                        null),
                Arguments.of(
                        "too big for an int: ignored",
                        "{\"usage\":{\"prompt_tokens\":99999999999,\"completion_tokens\":1}}",
                        null,
                        1),
                Arguments.of(
                        "null count",
                        "{\"usage\":{\"prompt_tokens\":null,\"completion_tokens\":8}}",
                        null,
                        8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void findsTheUsageCounts(String name, String body, Integer prompt, Integer completion) {
        UsageScanner s = scan(body);
        assertThat(s.promptTokens()).isEqualTo(prompt);
        assertThat(s.completionTokens()).isEqualTo(completion);
    }

    private static UsageScanner scan(String body) {
        UsageScanner s = new UsageScanner();
        for (byte b : body.getBytes(StandardCharsets.UTF_8)) s.accept(b);
        return s;
    }
}
