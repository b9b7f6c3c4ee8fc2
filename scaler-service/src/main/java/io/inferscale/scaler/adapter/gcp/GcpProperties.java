package io.inferscale.scaler.adapter.gcp;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GCP Compute Engine managed instance groups, through the HTTP/JSON transport. Credentials come
 * from Application Default Credentials.
 *
 * @param endpoint e.g. {@code https://compute.googleapis.com} (the default when empty), or a
 *     private service endpoint
 * @param callTimeout the most one call may take
 */
public record GcpProperties(String endpoint, @DefaultValue("10s") @NotNull Duration callTimeout) {}
