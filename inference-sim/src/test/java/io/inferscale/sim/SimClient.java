package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real HTTP against a started emulator, with the JDK client. */
final class SimClient {

    /** Fast timings so that tests take milliseconds: a 2 ms decode step, 1 µs per prompt token. */
    static final InferenceSimConfig FAST =
            InferenceSimConfig.defaults()
                    .withHost("127.0.0.1")
                    .withPort(0)
                    .withModel("test-model")
                    .withReplicaId("r-1")
                    .withReplica(
                            ReplicaConfig.llmDefaults()
                                    .withPrefillNanosPerToken(1_000)
                                    .withDecode(2_000_000, 10_000))
                    .withStreamInterval(Duration.ofMillis(5));

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String base;

    SimClient(InferenceSim sim) {
        this.base = sim.baseUrl();
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return await(postAsync(path, body, headers));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        return await(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }
}
