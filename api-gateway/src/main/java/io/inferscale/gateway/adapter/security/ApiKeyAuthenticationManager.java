package io.inferscale.gateway.adapter.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inferscale.gateway.domain.security.ApiKeyFormat;
import io.inferscale.gateway.domain.security.ApiKeyRecord;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks API keys against the database, through a short-lived cache so the request path rarely
 * touches JDBC. The cache TTL bounds how long a revoked key keeps working on a gateway instance.
 *
 * <p>Deliberately not a {@code ReactiveAuthenticationManager} bean: Spring Security would then use
 * it for HTTP Basic too. {@link SecurityConfiguration} plugs {@link #authenticate} into the
 * inference chain only.
 */
@Component
public class ApiKeyAuthenticationManager {
    private final ApiKeyRepository repository;
    private final Cache<String, Optional<ApiKeyRecord>> cache;

    public ApiKeyAuthenticationManager(ApiKeyRepository repository, SecurityProperties properties) {
        this.repository = repository;
        this.cache =
                Caffeine.newBuilder()
                        .expireAfterWrite(properties.keyCacheTtl())
                        .maximumSize(100_000)
                        .build();
    }

    public Mono<Authentication> authenticate(Authentication presented) {
        String key = (String) presented.getCredentials();
        Optional<ApiKeyFormat.ParsedKey> parsed = ApiKeyFormat.parse(key);
        if (parsed.isEmpty()) {
            return Mono.error(new BadCredentialsException("malformed API key"));
        }
        String id = parsed.get().id();
        Optional<ApiKeyRecord> cached = cache.getIfPresent(id);
        Mono<Optional<ApiKeyRecord>> record =
                cached != null
                        ? Mono.just(cached)
                        : Mono.fromCallable(() -> repository.find(id))
                                .subscribeOn(Schedulers.boundedElastic())
                                .doOnNext(found -> cache.put(id, found));
        return record.flatMap(
                found ->
                        found.filter(ApiKeyRecord::active)
                                .filter(
                                        k ->
                                                ApiKeyFormat.matches(
                                                        parsed.get().secret(), k.secretHash()))
                                .<Mono<Authentication>>map(
                                        k -> Mono.just(new ApiKeyAuthentication(k)))
                                .orElseGet(
                                        () ->
                                                Mono.error(
                                                        new BadCredentialsException(
                                                                "unknown or revoked API key"))));
    }

    /** Forgets a key at once on this instance (after a revocation through it). */
    public void evict(String id) {
        cache.invalidate(id);
    }
}
