package io.inferscale.core.scaling;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The baseline autoscalers by the names users select them with (benchmark {@code --scaler}, the
 * scaler-service's reactive term). Each call returns a fresh instance: they keep per-model state.
 */
public final class Autoscalers {
    private static final Map<String, Function<AutoscalerSettings, ReplicaAutoscaler>> FACTORIES =
            Map.of(
                    "static", StaticAutoscaler::new,
                    "hpa", HpaAutoscaler::new,
                    "kpa", KpaAutoscaler::new);

    private Autoscalers() {}

    public static ReplicaAutoscaler create(String name, AutoscalerSettings settings) {
        Function<AutoscalerSettings, ReplicaAutoscaler> factory =
                name == null ? null : FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown autoscaler '" + name + "'; known: " + names());
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings: are required");
        }
        return factory.apply(settings);
    }

    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }
}
