package io.inferscale.gateway;

import io.inferscale.core.routing.OutlierPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultPolicy routing policy for models without an assignment ({@code rr}, {@code random},
 *     {@code least-request}, {@code p2c})
 * @param staticReplicas replicas not managed by InferScale, each {@code model=http://host:port}
 * @param maxBodySize largest inference request body accepted (413 above)
 * @param retryAfter the {@code Retry-After} sent with a 503 when a model has no ready replica
 * @param telemetryBuffer telemetry events held for Kafka before new ones are dropped (and counted)
 * @param policyRefresh how often per-model policy assignments are re-read from the database
 * @param retryOnAnotherReplica retry once on another replica after a connect failure or a 502/503
 *     that arrived before any response byte was sent to the client
 * @param outlier Envoy-style outlier ejection
 */
@Validated
@ConfigurationProperties("inferscale.gateway")
public record GatewayProperties(
        @DefaultValue("p2c") @NotBlank String defaultPolicy,
        @DefaultValue List<String> staticReplicas,
        @DefaultValue("8MB") @NotNull DataSize maxBodySize,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("65536") @Min(1024) int telemetryBuffer,
        @DefaultValue("5s") @NotNull Duration policyRefresh,
        @DefaultValue("true") boolean retryOnAnotherReplica,
        @DefaultValue @NotNull @Valid Outlier outlier) {

    /**
     * @param consecutive5xx failures in a row (5xx or connect failure) that eject a replica
     * @param baseEjectionTime first ejection; the n-th lasts n times as long
     * @param maxEjectionTime cap on one ejection
     * @param maxEjectionPercent most of a model's replicas ejected at once (at least one may be)
     */
    public record Outlier(
            @DefaultValue("5") @Min(1) int consecutive5xx,
            @DefaultValue("30s") @NotNull Duration baseEjectionTime,
            @DefaultValue("300s") @NotNull Duration maxEjectionTime,
            @DefaultValue("50") @Min(0) @Max(100) int maxEjectionPercent) {

        public OutlierPolicy toPolicy() {
            return new OutlierPolicy(
                    consecutive5xx, baseEjectionTime, maxEjectionTime, maxEjectionPercent);
        }
    }
}
