package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each routing policy against real replicas whose speed differs, so the policy's choice shows in
 * which replica answered ({@code x-inferscale-replica}).
 */
@ServiceIT
class GatewayPolicyIT {
    static final List<InferenceSim> SIMS = new ArrayList<>();

    static InferenceSim sim(String model, String id, long serviceNanos) {
        InferenceSim sim =
                InferenceSim.start(
                        InferenceSimConfig.defaults()
                                .withHost("127.0.0.1")
                                .withPort(0)
                                .withModel(model)
                                .withReplicaId(id)
                                .withReplica(
                                        ReplicaConfig.simpleDefaults()
                                                .withService(serviceNanos, 0.05)));
        SIMS.add(sim);
        return sim;
    }

    /** Same model, one replica 1,000 times slower: requests pile up there unless avoided. */
    static final InferenceSim SLOW = sim("it-lr", "it-lr-slow", 2_000_000_000L);

    static final InferenceSim FAST = sim("it-lr", "it-lr-fast", 2_000_000L);
    static final InferenceSim PFX_A = sim("it-pfx", "it-pfx-a", 2_000_000L);
    static final InferenceSim PFX_B = sim("it-pfx", "it-pfx-b", 2_000_000L);

    static final InferenceSim EWMA_SLOW = sim("it-ewma", "it-ewma-slow", 300_000_000L);
    static final InferenceSim EWMA_FAST = sim("it-ewma", "it-ewma-fast", 2_000_000L);

    /** Slow enough that a burst of requests is in flight together. */
    static final InferenceSim HOT_A = sim("it-hot", "it-hot-a", 1_500_000_000L);

    static final InferenceSim HOT_B = sim("it-hot", "it-hot-b", 1_500_000_000L);

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        registry.add(
                "inferscale.gateway.static-replicas",
                () ->
                        SIMS.stream()
                                .map(s -> s.config().model() + "=" + s.baseUrl())
                                .collect(Collectors.joining(",")));
        registry.add("inferscale.gateway.policy-refresh", () -> "1h");
        TestCredentials.register(registry);
    }

    @AfterAll
    static void stopSims() {
        SIMS.forEach(InferenceSim::close);
    }

    @Autowired EmbeddedKafkaBroker broker;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void leastRequestKeepsAwayFromTheReplicaThatIsStillBusy() throws Exception {
        assign("it-lr", "least-request");
        warmUp();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(postAsync("{\"model\":\"it-lr\",\"prompt\":\"x\",\"max_tokens\":1}", null));
            // Spaced arrivals: a fast request is done before the next comes, so the counts only
            // tie while both replicas are idle. (In a burst they tie at every count, and
            // least-request rightly spreads a burst evenly.)
            Thread.sleep(80);
        }
        Map<String, Long> served = servedBy(sent);
        // Round robin would give the slow replica 6; least-request gives it at most the requests
        // that arrived while both were idle (the first, and any tie after it finished).
        assertThat(served.getOrDefault("it-lr-slow", 0L))
                .as(served.toString())
                .isLessThanOrEqualTo(2);
        assertThat(served.get("it-lr-fast")).as(served.toString()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void peakEwmaLearnsWhichReplicaIsSlowAndAvoidsIt() throws Exception {
        assign("it-ewma", "peak-ewma");
        String body = "{\"model\":\"it-ewma\",\"prompt\":\"x\",\"max_tokens\":1}";
        // A replica without a measurement borrows its rival's estimate, so until both have
        // answered once the choice is a coin toss. Sequential requests: in-flight counts never
        // differ, only latency tells them apart.
        java.util.Set<String> measured = new java.util.HashSet<>();
        for (int i = 0; i < 40 && measured.size() < 2; i++) {
            measured.add(replica(post(body, null)));
        }
        assertThat(measured).containsExactlyInAnyOrder("it-ewma-slow", "it-ewma-fast");
        // Now the 300 ms replica costs 150 times the 2 ms one.
        List<String> replicas = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replicas.add(replica(post(body, null)));
        }
        assertThat(replicas).containsOnly("it-ewma-fast");
    }

    @Test
    void prefixAwareKeepsARepeatedPrefixOnOneReplica() throws Exception {
        assign("it-pfx", "prefix-aware");
        for (String prefix : List.of("101,102,103", "201,202,203", "301,302,303")) {
            List<String> replicas = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replicas.add(
                        replica(
                                post(
                                        "{\"model\":\"it-pfx\",\"prompt\":\"q"
                                                + i
                                                + "\",\"max_tokens\":1}",
                                        prefix)));
            }
            assertThat(replicas).as("prefix %s", prefix).containsOnly(replicas.get(0));
        }
    }

    @Test
    void withoutTheHeaderThePromptTextIsHashedIntoBlocks() throws Exception {
        assign("it-pfx", "prefix-aware");
        // Three whole 2,048-character blocks of a shared document, then a different question:
        // the blocks match, the partial tail does not matter.
        String document = "Shared system prompt and retrieved document. ".repeat(140);
        List<String> replicas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replicas.add(
                    replica(
                            post(
                                    "{\"model\":\"it-pfx\",\"max_tokens\":1,\"messages\":["
                                            + "{\"role\":\"system\",\"content\":\""
                                            + document
                                            + "\"},{\"role\":\"user\",\"content\":\"question "
                                            + i
                                            + "\"}]}",
                                    null)));
        }
        assertThat(replicas).containsOnly(replicas.get(0));
    }

    @Test
    void aHotPrefixSpillsOverOnceItsReplicaIsLoaded() throws Exception {
        assign("it-hot", "prefix-aware");
        warmUp();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            sent.add(
                    postAsync("{\"model\":\"it-hot\",\"prompt\":\"q\",\"max_tokens\":1}", "7,8,9"));
            Thread.sleep(15);
        }
        Map<String, Long> served = servedBy(sent);
        // All 24 are in flight together (1.5 s each). The first replica keeps the prefix until it
        // carries 1.25 x the mean + 4; after that the other one takes the overflow.
        assertThat(served.keySet())
                .as(served.toString())
                .containsExactlyInAnyOrder("it-hot-a", "it-hot-b");
        long sticky = served.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(sticky).as(served.toString()).isBetween(13L, 20L);
    }

    @Test
    void telemetryCarriesTheTokenCountsFromTheResponseUsage() throws Exception {
        HttpResponse<String> plain =
                post(
                        "{\"model\":\"it-pfx\",\"prompt\":\"hello\",\"prompt_tokens\":37,\"max_tokens\":5}",
                        null);
        assertThat(plain.statusCode()).isEqualTo(200);
        HttpResponse<String> streamed =
                post(
                        "{\"model\":\"it-lr\",\"stream\":true,\"prompt\":\"hi\",\"prompt_tokens\":11,\"max_tokens\":6}",
                        null);
        assertThat(streamed.statusCode()).isEqualTo(200);
        List<RequestTelemetry> seen =
                telemetry(
                        t ->
                                (t.promptTokens() != null && t.promptTokens() == 37)
                                        || (t.promptTokens() != null && t.promptTokens() == 11),
                        2);
        assertThat(seen)
                .extracting(
                        RequestTelemetry::promptTokens,
                        RequestTelemetry::outputTokens,
                        RequestTelemetry::streamed)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(37, 5, false),
                        org.assertj.core.groups.Tuple.tuple(11, 6, true));
    }

    /** The first requests through a fresh gateway and client are slow (connections, JIT). */
    private void warmUp() {
        for (int i = 0; i < 5; i++) {
            replica(post("{\"model\":\"it-pfx\",\"prompt\":\"w\",\"max_tokens\":1}", null));
        }
    }

    private void assign(String model, String policy) {
        HttpResponse<String> r =
                send(
                        "PUT",
                        "/api/v1/gateway/models/" + model + "/policy",
                        "{\"policy\":\"" + policy + "\"}",
                        TestCredentials.admin(),
                        null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String replica(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("x-inferscale-replica").orElseThrow();
    }

    private static Map<String, Long> servedBy(List<CompletableFuture<HttpResponse<String>>> sent) {
        return sent.stream()
                .map(CompletableFuture::join)
                .map(GatewayPolicyIT::replica)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private HttpResponse<String> post(String json, String prefixHashes) {
        return send(
                "POST",
                "/v1/completions",
                json,
                TestCredentials.bearer(TestCredentials.API_KEY),
                prefixHashes);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String json, String prefixHashes) {
        return http.sendAsync(
                request(
                        "POST",
                        "/v1/completions",
                        json,
                        TestCredentials.bearer(TestCredentials.API_KEY),
                        prefixHashes),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(
            String method, String path, String json, String authorization, String prefixHashes) {
        try {
            return http.send(
                    request(method, path, json, authorization, prefixHashes),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(
            String method, String path, String json, String authorization, String prefixHashes) {
        HttpRequest.Builder b =
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .header("content-type", "application/json")
                        .header("Authorization", authorization);
        if (prefixHashes != null) b.header("x-prefix-hashes", prefixHashes);
        return b.build();
    }

    private List<RequestTelemetry> telemetry(
            java.util.function.Predicate<RequestTelemetry> wanted, int atLeast) {
        return TelemetryTopic.await(broker, wanted, atLeast);
    }
}
