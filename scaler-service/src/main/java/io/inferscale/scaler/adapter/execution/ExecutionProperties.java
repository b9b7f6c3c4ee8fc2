package io.inferscale.scaler.adapter.execution;

import io.inferscale.scaler.adapter.aws.AwsProperties;
import io.inferscale.scaler.adapter.gcp.GcpProperties;
import io.inferscale.scaler.adapter.k8s.KubernetesProperties;
import io.inferscale.scaler.adapter.local.LocalProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How scaling decisions are executed: which providers have an adapter here, how calls are retried
 * and cut off, and each provider's settings. Documented example: {@code application.yml}.
 *
 * @param enabled the providers to build adapters for; a policy naming another one cannot be applied
 *     by this instance
 */
@Validated
@ConfigurationProperties("inferscale.scaler.execution")
public record ExecutionProperties(
        @DefaultValue("local") @NotNull
                Set<
                                @Pattern(
                                        regexp = PROVIDER_NAMES,
                                        message = "must be one of " + PROVIDER_NAMES)
                                String>
                        enabled,
        @Valid @DefaultValue RetryProperties retry,
        @Valid @DefaultValue CircuitBreakerProperties circuitBreaker,
        @Valid @DefaultValue AwsProperties aws,
        @Valid @DefaultValue GcpProperties gcp,
        @Valid @DefaultValue KubernetesProperties kubernetes,
        @Valid @DefaultValue LocalProperties local) {

    public static final String PROVIDER_NAMES = "aws-asg|aws-ecs|gcp-mig|kubernetes|local";

    public ExecutionProperties {
        enabled = enabled == null ? Set.of() : Set.copyOf(enabled);
    }
}
