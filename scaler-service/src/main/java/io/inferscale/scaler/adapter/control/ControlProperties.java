package io.inferscale.scaler.adapter.control;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The control loop's timing.
 *
 * @param enabled false for an instance that should only serve the API
 * @param interval how often each owned model is decided (the HPA syncs every 15 s)
 * @param sampleInterval how often the load windows get a sample (Knative: every second)
 * @param snapshotMaxAge a replica scrape older than this no longer counts as its load
 * @param rateMaxAge an arrival rate older than this is unknown (demand windows come after the
 *     collector's lateness allowance, about 30 s late)
 * @param rateWindow which demand windows give the arrival rate
 * @param fleetStateRefresh fleet.state is republished at least this often even when unchanged
 * @param decisionRetention audit rows older than this are deleted
 */
@Validated
@ConfigurationProperties("inferscale.scaler.control")
public record ControlProperties(
        boolean enabled,
        @NotNull Duration interval,
        @NotNull Duration sampleInterval,
        @NotNull Duration snapshotMaxAge,
        @NotNull Duration rateMaxAge,
        @NotNull Duration rateWindow,
        @NotNull Duration fleetStateRefresh,
        @NotNull Duration decisionRetention) {}
