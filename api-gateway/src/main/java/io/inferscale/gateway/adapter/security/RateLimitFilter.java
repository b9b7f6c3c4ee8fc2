package io.inferscale.gateway.adapter.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inferscale.core.ratelimit.TokenBucket;
import io.inferscale.gateway.adapter.web.Problems;
import io.inferscale.gateway.domain.security.ApiKeyRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Per-key token bucket on inference requests: 429 with {@code Retry-After} when a key is over its
 * rate. Buckets are per gateway instance (no central hop per request), so a key's cluster-wide
 * limit is its rate times the number of gateways; size keys for that.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {
    /** A key's bucket; a changed rate or burst (a re-created key) starts a new one. */
    record BucketKey(String id, double ratePerSecond, int burst) {}

    private final Cache<BucketKey, TokenBucket> buckets =
            Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(10))
                    .maximumSize(100_000)
                    .build();
    private final MeterRegistry meters;

    public RateLimitFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200; // after CompletionFilter, so a 429 is measured too
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // Not switchIfEmpty: admit() itself completes empty, which must not route the request a
        // second time.
        return exchange.getPrincipal()
                .map(
                        p ->
                                p instanceof ApiKeyAuthentication a
                                        ? Optional.of(a.key())
                                        : Optional.<ApiKeyRecord>empty())
                .defaultIfEmpty(Optional.empty())
                .flatMap(
                        key ->
                                key.isPresent()
                                        ? admit(exchange, chain, key.get())
                                        : chain.filter(exchange));
    }

    private Mono<Void> admit(
            ServerWebExchange exchange, GatewayFilterChain chain, ApiKeyRecord key) {
        long now = System.nanoTime();
        TokenBucket bucket =
                buckets.get(
                        new BucketKey(key.id(), key.ratePerSecond(), key.burst()),
                        k -> new TokenBucket(key.ratePerSecond(), key.burst(), now));
        long waitNanos = bucket.tryTake(now);
        if (waitNanos == 0) {
            return chain.filter(exchange);
        }
        meters.counter("inferscale.gateway.rate.limited", "key", key.id()).increment();
        long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
        return Problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded",
                "API key "
                        + key.id()
                        + " is limited to "
                        + key.ratePerSecond()
                        + " requests/s (burst "
                        + key.burst()
                        + ")");
    }
}
