package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.learned.LearnedChooser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests that the {@code rl} policy routed by its fallback, by model and reason ({@code
 * inferscale_gateway_rl_fallback_total}): a model set to {@code rl} that shows these is not being
 * routed by a learned policy. Counters are cached: this runs on the request path.
 */
public final class LearnedRoutingMetrics implements LearnedChooser.FallbackListener {
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public LearnedRoutingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void fellBack(String model, LearnedChooser.Fallback reason) {
        counters.computeIfAbsent(
                        model + '\u0000' + reason,
                        k ->
                                Counter.builder("inferscale.gateway.rl.fallback")
                                        .description(
                                                "requests of an rl-routed model routed by the fallback policy")
                                        .tag("model", model)
                                        .tag("reason", reason.name().toLowerCase())
                                        .register(meters))
                .increment();
    }
}
