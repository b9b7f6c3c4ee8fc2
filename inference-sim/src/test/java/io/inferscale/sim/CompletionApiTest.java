package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible endpoints over real HTTP. */
class CompletionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static InferenceSim sim;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sim = InferenceSim.start(SimClient.FAST);
        client = new SimClient(sim);
        // Class loading on first use would stall the model thread past a whole short stream.
        client.post("/v1/completions", "{\"prompt\":\"warm\",\"max_tokens\":3,\"stream\":true}");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void completionAnswersWithUsageAndReplicaHeaders() {
        HttpResponse<String> res =
                client.post(
                        "/v1/completions",
                        "{\"model\":\"test-model\",\"prompt\":\"hello\",\"prompt_tokens\":300,\"max_tokens\":5}");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-inferscale-replica")).hasValue("r-1");
        assertThat(res.headers().firstValue("x-inferscale-queue-ms"))
                .hasValueSatisfying(v -> Double.parseDouble(v));
        JsonNode body = JSON.readTree(res.body());
        assertThat(body.path("object").asString()).isEqualTo("text_completion");
        assertThat(body.path("choices").get(0).path("finish_reason").asString())
                .isEqualTo("length");
        assertThat(body.path("choices").get(0).path("text").asString()).isEqualTo("tok ".repeat(5));
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(300);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(305);
    }

    @Test
    void chatCompletionEstimatesPromptTokensFromMessages() {
        String forty = "x".repeat(40);
        HttpResponse<String> res =
                client.post(
                        "/v1/chat/completions",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\""
                                + forty
                                + "\"}],\"max_tokens\":2}");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(res.body());
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("tok tok ");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
    }

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("completion stream", "/v1/completions", "{\"prompt\":\"hi\"", "text"),
                Arguments.of(
                        "chat stream",
                        "/v1/chat/completions",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]",
                        "content"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void streamSendsChunksThenDone(String name, String path, String bodyStart, String textField) {
        HttpResponse<String> res =
                client.post(path, bodyStart + ",\"max_tokens\":100,\"stream\":true}");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(res.headers().firstValue("x-inferscale-replica")).hasValue("r-1");
        assertThat(res.body()).endsWith("data: [DONE]\n\n");
        List<String> events =
                Arrays.stream(res.body().split("\n\n"))
                        .map(e -> e.substring("data: ".length()))
                        .toList();
        List<JsonNode> chunks =
                events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(chunks).hasSizeGreaterThan(2); // first token, progress while decoding, the end
        int tokens = 0;
        for (JsonNode c : chunks) {
            JsonNode choice = c.path("choices").get(0);
            String text =
                    (choice.has("delta") ? choice.path("delta") : choice)
                            .path(textField)
                            .asString();
            tokens += text.length() / 4;
        }
        assertThat(tokens).isEqualTo(100);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").get(0).path("finish_reason").asString())
                .isEqualTo("length");
        assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(100);
        assertThat(chunks.get(1).path("choices").get(0).path("finish_reason").isNull()).isTrue();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("bad JSON", "{\"prompt\":", new String[0], 400),
                Arguments.of("not an object", "[1,2]", new String[0], 400),
                Arguments.of("empty body", "", new String[0], 400),
                Arguments.of(
                        "negative max_tokens",
                        "{\"prompt\":\"a\",\"max_tokens\":-1}",
                        new String[0],
                        400),
                Arguments.of(
                        "bad prefix header",
                        "{\"prompt\":\"a\"}",
                        new String[] {"x-prefix-hashes", "1,x"},
                        400),
                Arguments.of(
                        "bad prefix_hashes",
                        "{\"prompt\":\"a\",\"prefix_hashes\":[\"a\"]}",
                        new String[0],
                        400),
                Arguments.of(
                        "another model",
                        "{\"model\":\"gpt-4\",\"prompt\":\"a\"}",
                        new String[0],
                        404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithOpenAiError(String name, String body, String[] headers, int status) {
        HttpResponse<String> res = client.post("/v1/completions", body, headers);

        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("x-inferscale-replica")).hasValue("r-1");
        assertThat(JSON.readTree(res.body()).path("error").path("code").asInt()).isEqualTo(status);
    }

    @Test
    void prefixHashesFromHeaderAreAccepted() {
        HttpResponse<String> res =
                client.post(
                        "/v1/completions",
                        "{\"prompt\":\"a\",\"max_tokens\":1}",
                        "x-prefix-hashes",
                        "7, 8,9");

        assertThat(res.statusCode()).isEqualTo(200);
    }
}
