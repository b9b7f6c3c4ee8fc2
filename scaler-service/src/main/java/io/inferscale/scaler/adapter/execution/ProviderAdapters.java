package io.inferscale.scaler.adapter.execution;

import io.inferscale.scaler.domain.execution.ProviderAdapter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapters of the enabled providers; closing it releases clients and stops local replicas. */
public final class ProviderAdapters implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProviderAdapters.class);

    private final List<ProviderAdapter> adapters;

    public ProviderAdapters(List<ProviderAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public List<ProviderAdapter> all() {
        return adapters;
    }

    @Override
    public void close() {
        for (ProviderAdapter a : adapters) {
            try {
                a.close();
            } catch (RuntimeException e) {
                log.warn("closing the {} adapter failed", a.provider(), e);
            }
        }
    }
}
