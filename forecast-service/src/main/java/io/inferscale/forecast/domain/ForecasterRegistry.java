package io.inferscale.forecast.domain;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.HoltWinters;
import io.inferscale.core.forecast.SeasonalNaive;
import io.inferscale.core.forecast.TrailingMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forecasters the service trains and the evaluation CLI compares, by name, in report order.
 * Factories rather than instances: every evaluation and every retraining starts from a fresh,
 * unfitted forecaster.
 *
 * <p>Adding a forecaster is one {@link #register} line in {@link #standard()}; nothing else in the
 * CLI or the JSON report changes. A forecaster that is not registered does not appear in reports.
 */
public final class ForecasterRegistry {

    private final Map<String, Supplier<? extends DemandForecaster>> factories =
            new LinkedHashMap<>();

    /** The pure baselines, in the order reports list them. */
    public static ForecasterRegistry standard() {
        return new ForecasterRegistry()
                .register("seasonal-naive-daily", SeasonalNaive::daily)
                .register("seasonal-naive-weekly", SeasonalNaive::weekly)
                .register("trailing-mean", TrailingMean::new)
                .register("holt-winters", HoltWinters::new);
        // The DNN needs the TensorFlow engine, an adapter concern: callers that run it (the
        // evaluation
        // CLI, the service) add it with .register("dnn", DnnForecaster::withDefaults).
    }

    /**
     * @param name the name the forecaster reports ({@link DemandForecaster#name()})
     * @throws IllegalArgumentException if the name is taken
     */
    public ForecasterRegistry register(String name, Supplier<? extends DemandForecaster> factory) {
        if (name == null || name.isBlank() || factory == null) {
            throw new IllegalArgumentException("a forecaster needs a name and a factory");
        }
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("a forecaster named " + name + " is registered");
        }
        return this;
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /**
     * A fresh forecaster.
     *
     * @throws IllegalArgumentException for an unknown name, or a factory whose forecaster reports
     *     another name (reports would mislabel it)
     */
    public DemandForecaster create(String name) {
        Supplier<? extends DemandForecaster> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown forecaster \"" + name + "\"; known: " + String.join(", ", names()));
        }
        DemandForecaster forecaster = factory.get();
        if (!name.equals(forecaster.name())) {
            throw new IllegalArgumentException(
                    "forecaster registered as " + name + " calls itself " + forecaster.name());
        }
        return forecaster;
    }

    public List<DemandForecaster> create(List<String> names) {
        List<DemandForecaster> forecasters = new ArrayList<>(names.size());
        for (String name : names) {
            forecasters.add(create(name));
        }
        return forecasters;
    }
}
