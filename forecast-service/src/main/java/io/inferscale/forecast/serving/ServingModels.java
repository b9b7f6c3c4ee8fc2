package io.inferscale.forecast.serving;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What serves each model now. Training swaps a new version in while forecasts go on: a forecast
 * runs under its model's lock, and the version it replaces is closed (a DNN's native model freed)
 * under the same lock, so no forecast ever runs on a closed version.
 */
@Component
public class ServingModels implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

    private static final class Slot {
        private ServingModel model;
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    public Optional<ServingModel> get(String model) {
        Slot slot = slots.get(model);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.model);
        }
    }

    /** Applies {@code use} to the serving version under the model's lock; empty if none serves. */
    public <T> Optional<T> with(String model, Function<ServingModel, T> use) {
        Slot slot = slots.get(model);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return slot.model == null ? Optional.empty() : Optional.of(use.apply(slot.model));
        }
    }

    public void put(String model, ServingModel next) {
        Slot slot = slots.computeIfAbsent(model, k -> new Slot());
        synchronized (slot) {
            ServingModel previous = slot.model;
            slot.model = next;
            if (previous != null && previous.instance() != next.instance()) {
                close(previous);
            }
        }
    }

    @Override
    public void destroy() {
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.model != null) {
                    close(slot.model);
                    slot.model = null;
                }
            }
        }
    }

    static void close(ServingModel m) {
        if (m.instance() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", m.key(), e.toString());
            }
        }
    }
}
