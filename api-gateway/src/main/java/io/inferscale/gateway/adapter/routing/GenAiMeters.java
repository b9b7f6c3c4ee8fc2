package io.inferscale.gateway.adapter.routing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The OpenTelemetry GenAI meters of the data plane, built once per model (and status, token type)
 * and then reused: building a meter and looking it up in the registry on every request cost more
 * than recording into it. The key spaces are bounded by the known models, the HTTP statuses and two
 * token types.
 */
final class GenAiMeters {
    private record StatusKey(String model, int status) {}

    private record TokenKey(String model, String type) {}

    private final MeterRegistry registry;
    private final Map<StatusKey, Timer> duration = new ConcurrentHashMap<>();
    private final Map<String, Timer> timeToFirstToken = new ConcurrentHashMap<>();
    private final Map<String, Timer> timePerOutputToken = new ConcurrentHashMap<>();
    private final Map<TokenKey, DistributionSummary> tokens = new ConcurrentHashMap<>();

    GenAiMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer requestDuration(String model, int status) {
        return cached(
                duration,
                new StatusKey(model, status),
                k ->
                        Timer.builder("gen_ai.server.request.duration")
                                .tag("gen_ai.request.model", model)
                                .tag("http.response.status_code", String.valueOf(status))
                                .publishPercentileHistogram()
                                .register(registry));
    }

    Timer timeToFirstToken(String model) {
        return cached(
                timeToFirstToken, model, m -> modelTimer("gen_ai.server.time_to_first_token", m));
    }

    Timer timePerOutputToken(String model) {
        return cached(
                timePerOutputToken,
                model,
                m -> modelTimer("gen_ai.server.time_per_output_token", m));
    }

    /**
     * @param type {@code input} or {@code output}
     */
    DistributionSummary tokenUsage(String model, String type) {
        return cached(
                tokens,
                new TokenKey(model, type),
                k ->
                        DistributionSummary.builder("gen_ai.client.token.usage")
                                .baseUnit("{token}")
                                .tag("gen_ai.request.model", model)
                                .tag("gen_ai.token.type", type)
                                .register(registry));
    }

    /** A plain read on the path every request takes; the factory runs once per key. */
    private static <K, V> V cached(Map<K, V> map, K key, Function<K, V> create) {
        V v = map.get(key);
        return v != null ? v : map.computeIfAbsent(key, create);
    }

    private Timer modelTimer(String name, String model) {
        return Timer.builder(name)
                .tag("gen_ai.request.model", model)
                .publishPercentileHistogram()
                .register(registry);
    }
}
