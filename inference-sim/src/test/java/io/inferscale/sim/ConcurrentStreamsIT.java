package io.inferscale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.replica.ReplicaConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 2,000 streams open at once against one emulator process: the event loop and the single model
 * thread carry them, with no thread per request.
 */
class ConcurrentStreamsIT {

    private static final int STREAMS = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Answer(int status, String body) {}

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void servesTwoThousandConcurrentStreams() throws Exception {
        // A batch large enough for all; a step takes 1 ms + 2 µs per sequence, 5 ms for 2,000. A
        // slowdown of 100 holds every stream open (400 tokens, 40 s at least) until all have
        // arrived, however slowly a cold client on a busy machine connects; lifting it lets them
        // finish in about 2 s.
        InferenceSimConfig cfg =
                SimClient.FAST
                        .withReplica(
                                ReplicaConfig.llmDefaults()
                                        .withMaxBatch(STREAMS)
                                        .withPrefillNanosPerToken(1_000)
                                        .withDecode(1_000_000, 2_000))
                        .withFaults(100, 0)
                        .withStreamInterval(Duration.ofMillis(100));
        ConnectionProvider pool =
                ConnectionProvider.builder("streams")
                        .maxConnections(STREAMS)
                        .pendingAcquireMaxCount(-1)
                        .build();
        LoopResources clientLoops = LoopResources.create("it-client", 2, true);
        try (InferenceSim sim = InferenceSim.start(cfg)) {
            // Its own event loops, so that the server's loops carry only the server's work.
            HttpClient http = HttpClient.create(pool).runOn(clientLoops).baseUrl(sim.baseUrl());
            String body = "{\"prompt\":\"hello\",\"max_tokens\":400,\"stream\":true}";
            CompletableFuture<List<Answer>> all =
                    Flux.range(0, STREAMS)
                            .flatMap(i -> stream(http, body), STREAMS)
                            .collectList()
                            .toFuture();
            SimClient admin = new SimClient(sim);
            int inFlight = 0;
            while (inFlight < STREAMS && !all.isDone()) {
                Thread.sleep(50);
                JsonNode state = JSON.readTree(admin.get("/admin/state").body());
                inFlight = state.path("running").asInt() + state.path("waiting").asInt();
            }
            assertThat(inFlight).as("streams open at the same time").isEqualTo(STREAMS);

            long lifted = System.nanoTime();
            admin.post("/admin/faults", "{\"slowdown\":1.0}");
            List<Answer> answers = all.get(60, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - lifted))
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(answers).hasSize(STREAMS);
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
            assertThat(answers).allSatisfy(a -> assertThat(a.body()).endsWith("data: [DONE]\n\n"));
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
            clientLoops.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static Mono<Answer> stream(HttpClient http, String body) {
        return http.headers(h -> h.set("content-type", "application/json"))
                .post()
                .uri("/v1/completions")
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle(
                        (res, buf) -> buf.asString().map(b -> new Answer(res.status().code(), b)));
    }
}
