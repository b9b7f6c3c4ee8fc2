package io.inferscale.scaler.adapter.aws;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AWS EC2 Auto Scaling and ECS. Credentials always come from the SDK's default provider chain
 * (environment, system properties, profile, container or instance role); none are configured here.
 *
 * @param region e.g. {@code us-east-1}; empty to use the SDK's default region chain
 * @param endpointOverride another endpoint for both services (a VPC endpoint, or WireMock in
 *     tests); empty for the public one
 * @param attemptTimeout the most one HTTP attempt may take
 * @param honorCooldown passed to SetDesiredCapacity: false, since the scaler's own stabilisation
 *     windows already pace changes
 */
public record AwsProperties(
        String region,
        URI endpointOverride,
        @DefaultValue("5s") @NotNull Duration attemptTimeout,
        @DefaultValue("false") boolean honorCooldown) {}
