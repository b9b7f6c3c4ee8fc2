package io.inferscale.scaler.adapter.k8s;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kubernetes API, configured as kubectl would be (kubeconfig, or the in-cluster service
 * account) unless {@code masterUrl} says otherwise.
 *
 * @param masterUrl the API server; empty to auto-configure
 * @param requestTimeout the most one API request may take
 * @param replicaPort the port requests go to on each pod; empty to take the first container port
 * @param serverKind what the pods run ({@code vllm}, {@code triton}, {@code tgi}, {@code
 *     torchserve}, {@code inference-sim}): selects the collector's metrics adapter
 */
public record KubernetesProperties(
        String masterUrl,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @Min(1) @Max(65535) Integer replicaPort,
        @DefaultValue("vllm") @NotBlank String serverKind) {}
