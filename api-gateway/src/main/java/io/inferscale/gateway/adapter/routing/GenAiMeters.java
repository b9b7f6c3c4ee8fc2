package io.inferscale.gateway.adapter.routing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        StatusKey key = new StatusKey(model, status);
        Timer t = duration.get(key);
        return t != null
                ? t
                : duration.computeIfAbsent(
                        key,
                        k ->
                                Timer.builder("gen_ai.server.request.duration")
                                        .tag("gen_ai.request.model", model)
                                        .tag("http.response.status_code", String.valueOf(status))
                                        .publishPercentileHistogram()
                                        .register(registry));
    }

    Timer timeToFirstToken(String model) {
        Timer t = timeToFirstToken.get(model);
        return t != null
                ? t
                : timeToFirstToken.computeIfAbsent(
                        model, m -> modelTimer("gen_ai.server.time_to_first_token", m));
    }

    Timer timePerOutputToken(String model) {
        Timer t = timePerOutputToken.get(model);
        return t != null
                ? t
                : timePerOutputToken.computeIfAbsent(
                        model, m -> modelTimer("gen_ai.server.time_per_output_token", m));
    }

    /**
     * @param type {@code input} or {@code output}
     */
    DistributionSummary tokenUsage(String model, String type) {
        TokenKey key = new TokenKey(model, type);
        DistributionSummary s = tokens.get(key);
        return s != null
                ? s
                : tokens.computeIfAbsent(
                        key,
                        k ->
                                DistributionSummary.builder("gen_ai.client.token.usage")
                                        .baseUnit("{token}")
                                        .tag("gen_ai.request.model", model)
                                        .tag("gen_ai.token.type", type)
                                        .register(registry));
    }

    private Timer modelTimer(String name, String model) {
        return Timer.builder(name)
                .tag("gen_ai.request.model", model)
                .publishPercentileHistogram()
                .register(registry);
    }
}
