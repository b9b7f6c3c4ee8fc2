package io.inferscale.gateway.adapter.web;

import io.inferscale.gateway.adapter.security.ApiKeyAuthenticationManager;
import io.inferscale.gateway.adapter.security.ApiKeyRepository;
import io.inferscale.gateway.adapter.security.SecurityProperties;
import io.inferscale.gateway.adapter.security.UserRepository;
import io.inferscale.gateway.domain.security.ApiKeyFormat;
import io.inferscale.gateway.domain.security.ApiKeyRecord;
import io.inferscale.gateway.domain.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Admin-only management of inference API keys and console users; every change lands in the audit
 * log.
 */
@RestController
@RequestMapping("/api/v1/gateway")
public class CredentialsController {
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final ApiKeyAuthenticationManager keyCache;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public CredentialsController(
            ApiKeyRepository keys,
            UserRepository users,
            ApiKeyAuthenticationManager keyCache,
            PasswordEncoder encoder,
            SecurityProperties properties,
            Clock clock) {
        this.keys = keys;
        this.users = users;
        this.keyCache = keyCache;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public record NewApiKey(
            @NotBlank @Size(max = 100) String name,
            @Positive Double ratePerSecond,
            @Min(1) Integer burst) {}

    /** The plaintext key appears in this response only. */
    public record CreatedApiKey(
            String id,
            String name,
            String key,
            double ratePerSecond,
            int burst,
            Instant createdAt) {}

    public record ApiKeyView(
            String id,
            String name,
            double ratePerSecond,
            int burst,
            Instant createdAt,
            String createdBy,
            Instant revokedAt) {}

    public record NewUser(
            @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,64}") String username,
            @NotBlank @Size(min = 12, max = 200) String password,
            @NotNull Role role) {}

    public record UserView(String username, Role role, Instant createdAt) {}

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<CreatedApiKey> createKey(@Valid @RequestBody NewApiKey body, Principal principal) {
        ApiKeyFormat.NewKey k = ApiKeyFormat.generate();
        ApiKeyRecord record =
                new ApiKeyRecord(
                        k.id(),
                        body.name(),
                        k.secretHash(),
                        body.ratePerSecond() != null
                                ? body.ratePerSecond()
                                : properties.defaultRatePerSecond(),
                        body.burst() != null ? body.burst() : properties.defaultBurst(),
                        clock.instant(),
                        principal.getName(),
                        null);
        return blocking(() -> keys.insert(record))
                .map(
                        ok ->
                                new CreatedApiKey(
                                        record.id(),
                                        record.name(),
                                        k.plaintext(),
                                        record.ratePerSecond(),
                                        record.burst(),
                                        record.createdAt()));
    }

    @GetMapping("/api-keys")
    public Mono<List<ApiKeyView>> listKeys() {
        return blocking(
                () ->
                        keys.all().stream()
                                .map(
                                        k ->
                                                new ApiKeyView(
                                                        k.id(),
                                                        k.name(),
                                                        k.ratePerSecond(),
                                                        k.burst(),
                                                        k.createdAt(),
                                                        k.createdBy(),
                                                        k.revokedAt()))
                                .toList());
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> revokeKey(@PathVariable String id, Principal principal) {
        return blocking(() -> keys.revoke(id, principal.getName(), clock.instant()))
                .flatMap(
                        revoked -> {
                            if (!revoked) {
                                return Mono.error(
                                        new ResponseStatusException(
                                                HttpStatus.NOT_FOUND, "no active API key " + id));
                            }
                            keyCache.evict(id);
                            return Mono.empty();
                        });
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<UserView> createUser(@Valid @RequestBody NewUser body, Principal principal) {
        Instant now = clock.instant();
        return blocking(
                        () ->
                                users.insert(
                                        body.username(),
                                        encoder.encode(body.password()),
                                        body.role(),
                                        principal.getName(),
                                        now))
                .flatMap(
                        created ->
                                created
                                        ? Mono.just(new UserView(body.username(), body.role(), now))
                                        : Mono.error(
                                                new ResponseStatusException(
                                                        HttpStatus.CONFLICT,
                                                        "user " + body.username() + " exists")));
    }

    @GetMapping("/users")
    public Mono<List<UserView>> listUsers() {
        return blocking(
                () ->
                        users.all().stream()
                                .map(u -> new UserView(u.username(), u.role(), u.createdAt()))
                                .toList());
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
