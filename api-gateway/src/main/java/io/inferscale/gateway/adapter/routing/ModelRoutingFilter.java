package io.inferscale.gateway.adapter.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import io.inferscale.core.routing.RoutingRequest;
import io.inferscale.gateway.GatewayProperties;
import io.inferscale.gateway.adapter.web.Problems;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.PolicySelection;
import io.inferscale.gateway.domain.routing.PromptBlocks;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Routes an inference request to a replica of the model it names: reads the body once (bounded),
 * finds the model (JSON {@code model}, or the {@code x-inferscale-model} header), asks the model's
 * load balancer, and points the request at the chosen replica. Runs where Spring Cloud Gateway's
 * own load-balancer filter would.
 *
 * <p>A connect failure, or a 502/503 answer that arrives before any byte went to the client, is
 * retried once on another replica; the first replica is charged a failure (which feeds outlier
 * ejection). Nothing is retried once the response has started, so a stream is never replayed.
 */
@Component
public class ModelRoutingFilter implements GlobalFilter, Ordered {
    static final String MODEL_HEADER = "x-inferscale-model";

    private final FleetRegistry registry;
    private final PolicySelection policies;
    private final ModelLoadBalancer loadBalancer;
    private final GatewayProperties properties;
    private final ReplicaHealth health;
    private final ModelNameExtractor extractor = new ModelNameExtractor();
    private final PromptText promptText = new PromptText();

    static final String PREFIX_AWARE = "prefix-aware";

    /** 256 blocks of 512 tokens: a 128k-token context, the most any served model takes today. */
    static final int MAX_PROMPT_BLOCKS = 256;

    public ModelRoutingFilter(
            FleetRegistry registry,
            PolicySelection policies,
            ModelLoadBalancer loadBalancer,
            GatewayProperties properties,
            ReplicaHealth health) {
        this.health = health;
        this.registry = registry;
        this.policies = policies;
        this.loadBalancer = loadBalancer;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !RequestAttributes.INFERENCE_SCHEME.equals(url.getScheme())) {
            return chain.filter(exchange);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            return tooLarge(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), limit)
                .map(ModelRoutingFilter::drain)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> route(exchange, chain, url, body))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
    }

    private Mono<Void> route(
            ServerWebExchange exchange, GatewayFilterChain chain, URI url, byte[] body) {
        Optional<String> model;
        long[] prefixes;
        try {
            String header = exchange.getRequest().getHeaders().getFirst(MODEL_HEADER);
            model =
                    header != null && !header.isBlank()
                            ? Optional.of(header)
                            : extractor.modelOf(body);
            prefixes =
                    PrefixHashes.parse(
                            exchange.getRequest().getHeaders().getFirst(PrefixHashes.HEADER));
            if (prefixes.length == 0
                    && model.isPresent()
                    && PREFIX_AWARE.equals(policies.policyOf(model.get()))) {
                // Hashing the prompt costs a parse of the body: only the policy that uses it pays.
                prefixes =
                        PromptBlocks.of(
                                promptText.of(body),
                                PromptBlocks.DEFAULT_CHARS_PER_BLOCK,
                                MAX_PROMPT_BLOCKS);
            }
        } catch (IllegalArgumentException e) {
            return Problems.write(
                    exchange, HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        }
        if (model.isEmpty()) {
            return Problems.write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "model: the JSON body needs a \"model\" string (or send the "
                            + MODEL_HEADER
                            + " header)");
        }
        String name = model.get();
        exchange.getAttributes().put(RequestAttributes.MODEL, name);
        if (registry.replicas(name).isEmpty()) {
            return Problems.write(
                    exchange,
                    HttpStatus.NOT_FOUND,
                    "Unknown model",
                    "model: no replicas are known for '" + name + "'",
                    Map.of("knownModels", registry.models()));
        }
        exchange.getAttributes().put(RequestAttributes.POLICY, policies.policyOf(name));
        ServerWebExchange replayable = exchange.mutate().request(replaying(exchange, body)).build();
        return attempt(
                replayable,
                chain,
                url,
                new RoutingAttempt(new RoutingRequest(name, 0, prefixes), null));
    }

    private Mono<Void> attempt(
            ServerWebExchange exchange, GatewayFilterChain chain, URI url, RoutingAttempt attempt) {
        boolean first = attempt.excludedReplicaId() == null;
        return loadBalancer
                .choose(new DefaultRequest<>(attempt))
                .flatMap(
                        chosen -> {
                            if (!chosen.hasServer()) {
                                return first
                                        ? noReplica(exchange)
                                        : Mono.empty(); // keep the first attempt's failure answer
                            }
                            ReplicaServiceInstance replica =
                                    (ReplicaServiceInstance) chosen.getServer();
                            point(exchange, url, replica);
                            Mono<Void> sent = chain.filter(exchange);
                            if (!first || !properties.retryOnAnotherReplica()) {
                                return sent.onErrorResume(
                                        UpstreamFailures::isConnectFailure,
                                        e -> unreachable(exchange, e));
                            }
                            RoutingAttempt retry =
                                    new RoutingAttempt(attempt.request(), replica.getInstanceId());
                            return sent.then(
                                            Mono.defer(
                                                    () ->
                                                            retryableStatus(exchange)
                                                                    ? again(
                                                                            exchange, chain, url,
                                                                            replica, retry)
                                                                    : Mono.<Void>empty()))
                                    .onErrorResume(
                                            e ->
                                                    UpstreamFailures.isConnectFailure(e)
                                                            && !exchange.getResponse()
                                                                    .isCommitted(),
                                            e -> again(exchange, chain, url, replica, retry));
                        });
    }

    /** Charges the failed replica, forgets its partial response and tries another one. */
    private Mono<Void> again(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            URI url,
            ReplicaServiceInstance failed,
            RoutingAttempt retry) {
        health.attemptFinished(failed, System.nanoTime(), 0, false);
        Connection upstream = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (upstream != null) {
            upstream.dispose(); // its body was never read: don't hand the connection back to the
            // pool
        }
        exchange.getAttributes().remove(RequestAttributes.REPLICA);
        exchange.getAttributes().put(RequestAttributes.ATTEMPTS, 2);
        ServerWebExchangeUtils.reset(exchange);
        exchange.getResponse().setStatusCode(null);
        return attempt(exchange, chain, url, retry);
    }

    private static boolean retryableStatus(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return !exchange.getResponse().isCommitted()
                && status != null
                && (status.value() == 502 || status.value() == 503);
    }

    private static void point(ServerWebExchange exchange, URI url, ReplicaServiceInstance replica) {
        exchange.getAttributes().put(RequestAttributes.REPLICA, replica);
        URI target =
                UriComponentsBuilder.fromUri(url)
                        .scheme(replica.getUri().getScheme())
                        .host(replica.getHost())
                        .port(replica.getPort())
                        .build(true)
                        .toUri();
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
        replica.load().onStart();
    }

    private Mono<Void> noReplica(ServerWebExchange exchange) {
        exchange.getResponse()
                .getHeaders()
                .set("Retry-After", String.valueOf(properties.retryAfter().toSeconds()));
        return Problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "No ready replica",
                "model '"
                        + exchange.getAttribute(RequestAttributes.MODEL)
                        + "' has no ready replica right now");
    }

    private static Mono<Void> unreachable(ServerWebExchange exchange, Throwable e) {
        return Problems.write(
                exchange,
                HttpStatus.BAD_GATEWAY,
                "Replica unreachable",
                "the chosen replica did not accept the connection: " + e.getMessage());
    }

    private static ServerHttpRequest replaying(ServerWebExchange exchange, byte[] body) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "request body exceeds the gateway's limit");
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
