package io.inferscale.sim;

import io.inferscale.core.replica.InferenceRequest;
import java.util.Locale;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One HTTP completion between its arrival and its last byte. The model thread moves it along
 * ({@link #admitted}, {@link #firstToken}, {@link #progress}, {@link #completed}); the Netty side
 * only subscribes to what it emits, so no thread ever waits for the model.
 */
final class InFlight {

    /**
     * Status line and headers, known once the first byte may go out: at the first token (stream) or
     * the end.
     */
    private record Head(int status, String queueMs, String body) {}

    final long id;
    final CompletionRequest req;
    private final OpenAiJson json;
    private final long created;
    private final Sinks.One<Head> head = Sinks.one();
    private final Sinks.Many<String> events = Sinks.many().unicast().onBackpressureBuffer();
    private long submittedAt;
    private long admittedAt = -1;
    private long firstTokenAt = -1;
    private int sent;

    InFlight(long id, CompletionRequest req, OpenAiJson json, long createdEpochSeconds) {
        this.id = id;
        this.req = req;
        this.json = json;
        this.created = createdEpochSeconds;
    }

    InferenceRequest toModelRequest() {
        return new InferenceRequest(id, req.promptTokens(), req.maxTokens(), req.prefixHashes());
    }

    void submitted(long at) {
        submittedAt = at;
    }

    void admitted(long at) {
        admittedAt = at;
    }

    /**
     * @return the time to first token
     */
    long firstToken(long at) {
        firstTokenAt = at;
        if (req.stream()) {
            head.tryEmitValue(new Head(200, queueMs(at), null));
            send(json.chunk(id, req.chat(), created, 1, true, null));
            sent = 1;
        }
        return at - submittedAt;
    }

    /** Streams the tokens generated since the last chunk. */
    void progress(int generated) {
        if (generated > sent) {
            send(json.chunk(id, req.chat(), created, generated - sent, false, null));
            sent = generated;
        }
    }

    void completed(long at, boolean error, boolean crashed) {
        if (error) {
            int status = crashed ? 503 : 500;
            String body =
                    crashed
                            ? json.error(status, "ServiceUnavailableError", "replica crashed")
                            : json.error(status, "InternalServerError", "injected error");
            if (req.stream() && firstTokenAt >= 0) {
                send(body); // the status line is gone; the stream ends without [DONE]
                events.tryEmitComplete();
            } else {
                head.tryEmitValue(new Head(status, queueMs(at), body));
            }
        } else if (req.stream()) {
            OpenAiJson.Usage usage = new OpenAiJson.Usage(req.promptTokens(), req.maxTokens());
            send(json.chunk(id, req.chat(), created, req.maxTokens() - sent, false, usage));
            send("[DONE]");
            events.tryEmitComplete();
        } else {
            head.tryEmitValue(
                    new Head(
                            200,
                            queueMs(at),
                            json.completion(
                                    id, req.chat(), created, req.promptTokens(), req.maxTokens())));
        }
    }

    long submittedAt() {
        return submittedAt;
    }

    long queueNanos(long at) {
        return (admittedAt >= 0 ? admittedAt : at) - submittedAt;
    }

    /**
     * Writes the response once its head is known; a stream then follows the model thread's chunks.
     */
    Mono<Void> respond(HttpServerResponse res) {
        return head.asMono()
                .flatMap(
                        h -> {
                            res.status(h.status()).header(InferenceSim.QUEUE_HEADER, h.queueMs());
                            if (h.body() != null) {
                                return res.header("content-type", "application/json")
                                        .sendString(Mono.just(h.body()))
                                        .then();
                            }
                            return res.header("content-type", "text/event-stream")
                                    .header("cache-control", "no-cache")
                                    .sendString(events.asFlux())
                                    .then();
                        });
    }

    private String queueMs(long at) {
        return String.format(Locale.ROOT, "%.3f", queueNanos(at) / 1e6);
    }

    /**
     * A cancelled or vanished client makes the emit fail, which is fine: the model finishes the
     * request anyway.
     */
    private void send(String data) {
        events.tryEmitNext("data: " + data + "\n\n");
    }
}
