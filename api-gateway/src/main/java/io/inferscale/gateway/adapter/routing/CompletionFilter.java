package io.inferscale.gateway.adapter.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.gateway.adapter.kafka.TelemetryBuffer;
import io.inferscale.gateway.domain.routing.UsageScanner;
import io.inferscale.support.ServiceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Closes the loop on every inference request: measures latency and time to the first response byte,
 * reads the token counts from the response's usage object as it streams past, returns the replica's
 * load slot (in-flight count, peak-EWMA latency, failure streak) and hands a telemetry event to the
 * buffer. Runs first and finishes last, so it sees the gateway's own 4xx/5xx answers too.
 */
@Component
public class CompletionFilter implements GlobalFilter, Ordered {
    static final String QUEUE_HEADER = "x-inferscale-queue-ms";

    private final TelemetryBuffer telemetry;
    private final ServiceIdentity identity;
    private final Clock clock;
    private final GenAiMeters meters;
    private final ReplicaHealth health;

    public CompletionFilter(
            TelemetryBuffer telemetry,
            ServiceIdentity identity,
            Clock clock,
            MeterRegistry meters,
            ReplicaHealth health) {
        this.health = health;
        this.telemetry = telemetry;
        this.identity = identity;
        this.clock = clock;
        this.meters = new GenAiMeters(meters);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null
                || !RequestAttributes.INFERENCE_SCHEME.equals(route.getUri().getScheme())) {
            return chain.filter(exchange);
        }
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        ResponseObserver seen = new ResponseObserver();
        ServerHttpResponse timed =
                new ServerHttpResponseDecorator(exchange.getResponse()) {
                    @Override
                    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                        return super.writeWith(Flux.from(body).doOnNext(seen::observe));
                    }

                    @Override
                    public Mono<Void> writeAndFlushWith(
                            Publisher<? extends Publisher<? extends DataBuffer>> body) {
                        return super.writeAndFlushWith(
                                Flux.from(body).map(p -> Flux.from(p).doOnNext(seen::observe)));
                    }
                };
        ServerWebExchange observed = exchange.mutate().response(timed).build();
        return chain.filter(observed)
                .doFinally(signal -> complete(observed, signal, started, startNanos, seen));
    }

    /**
     * What the response body told us on its way through: when its first byte left, and the token
     * counts in its usage object. Written by one response's body signals (one at a time), read
     * after it ends, possibly on another thread: the volatile {@code bytes}, written last and read
     * first, publishes the rest.
     */
    static final class ResponseObserver {
        private final UsageScanner usage = new UsageScanner();
        private long firstByteNanos;
        private volatile long bytes;

        void observe(DataBuffer buffer) {
            if (firstByteNanos == 0) {
                firstByteNanos = System.nanoTime();
            }
            int start = buffer.readPosition();
            int end = buffer.writePosition();
            for (int i = start; i < end; i++) {
                usage.accept(buffer.getByte(i));
            }
            bytes = bytes + (end - start);
        }

        long bytes() {
            return bytes;
        }
    }

    private void complete(
            ServerWebExchange exchange,
            SignalType signal,
            Instant started,
            long startNanos,
            ResponseObserver seen) {
        long end = System.nanoTime();
        seen.bytes(); // the volatile read that makes the observer's other fields visible here
        long firstByte = seen.firstByteNanos;
        Integer promptTokens = seen.usage.promptTokens();
        Integer outputTokens = seen.usage.completionTokens();
        long latencyNanos = end - startNanos;
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        int status = signal == SignalType.ON_ERROR ? 502 : code != null ? code.value() : 200;
        ReplicaServiceInstance replica = exchange.getAttribute(RequestAttributes.REPLICA);
        RequestOutcome outcome = outcome(signal, status, replica != null);
        if (replica != null) {
            health.attemptFinished(
                    replica, end, latencyNanos, status < 500 && signal != SignalType.ON_ERROR);
        }
        String model = exchange.getAttribute(RequestAttributes.MODEL);
        if (model == null) {
            return; // rejected before we knew the model (bad body): nothing to attribute it to
        }
        Double ttftMs = firstByte == 0 ? null : (firstByte - startNanos) / 1e6;
        String streamedType = String.valueOf(exchange.getResponse().getHeaders().getContentType());
        meters.requestDuration(model, status).record(latencyNanos, TimeUnit.NANOSECONDS);
        if (ttftMs != null) {
            meters.timeToFirstToken(model).record(firstByte - startNanos, TimeUnit.NANOSECONDS);
            if (outputTokens != null && outputTokens > 1) {
                // OpenTelemetry's time per output token: decode time after the first token.
                meters.timePerOutputToken(model)
                        .record((end - firstByte) / (outputTokens - 1), TimeUnit.NANOSECONDS);
            }
        }
        recordTokens(model, "input", promptTokens);
        recordTokens(model, "output", outputTokens);
        telemetry.offer(
                new RequestTelemetry(
                        EventMeta.create(
                                RequestTelemetry.SCHEMA_VERSION, identity.producer(), clock),
                        model,
                        replica == null ? null : replica.getInstanceId(),
                        identity.producer(),
                        exchange.getRequest().getPath().value(),
                        status,
                        outcome,
                        started,
                        latencyNanos / 1e6,
                        ttftMs,
                        promptTokens,
                        outputTokens,
                        queueMs(exchange),
                        streamedType.startsWith("text/event-stream"),
                        exchange.getAttributeOrDefault(RequestAttributes.ATTEMPTS, 1),
                        exchange.getAttribute(RequestAttributes.POLICY)));
    }

    private void recordTokens(String model, String type, Integer tokens) {
        if (tokens != null) {
            meters.tokenUsage(model, type).record(tokens);
        }
    }

    private static Double queueMs(ServerWebExchange exchange) {
        String header = exchange.getResponse().getHeaders().getFirst(QUEUE_HEADER);
        if (header == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(header);
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null; // a replica's malformed header must not cost us the telemetry event
        }
    }

    /**
     * A 503 the gateway wrote itself (no replica chosen) means no capacity; one from a replica is
     * its failure.
     */
    static RequestOutcome outcome(SignalType signal, int status, boolean replicaChosen) {
        if (signal == SignalType.CANCEL) return RequestOutcome.CANCELLED;
        if (signal == SignalType.ON_ERROR) return RequestOutcome.UPSTREAM_ERROR;
        if (status == 429) return RequestOutcome.RATE_LIMITED;
        if (status == 503 && !replicaChosen) return RequestOutcome.NO_REPLICA;
        if (status == 504) return RequestOutcome.TIMEOUT;
        if (status >= 500) return RequestOutcome.UPSTREAM_ERROR;
        if (status >= 400) return RequestOutcome.CLIENT_ERROR;
        return RequestOutcome.OK;
    }
}
