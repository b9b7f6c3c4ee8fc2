package io.inferscale.gateway.adapter.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminPassword password of the first admin, created when no user exists; when absent a
 *     one-time password is generated and printed once (and written to {@code
 *     localDir/admin-password} if set)
 * @param bootstrapApiKey an API key ({@code isk_<id>_<secret>}) to create at start if absent, e.g.
 *     from a secret
 * @param localDir development only: where {@code bin/inferscale up} wants the generated credentials
 *     written
 * @param keyCacheTtl how long a gateway trusts its cached view of a key; a revocation takes at most
 *     this long
 * @param defaultRatePerSecond rate limit of keys created without one
 * @param defaultBurst burst of keys created without one
 */
@Validated
@ConfigurationProperties("inferscale.gateway.security")
public record SecurityProperties(
        String adminPassword,
        String bootstrapApiKey,
        String localDir,
        @DefaultValue("10s") @NotNull Duration keyCacheTtl,
        @DefaultValue("100") @Positive double defaultRatePerSecond,
        @DefaultValue("200") @Min(1) int defaultBurst) {}
