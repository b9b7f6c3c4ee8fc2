package io.inferscale.collector.domain.scrape;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed scrape: the valid samples by name, the declared types, and the lines that were
 * skipped. Adapters read it by sample name ({@code vllm:num_requests_running}, {@code
 * tgi_request_duration_bucket}).
 */
public final class Exposition {
    /** How many skipped lines are kept with their reason; the count is always exact. */
    public static final int MAX_MALFORMED_DETAILS = 20;

    private final Map<String, List<Sample>> samplesByName;
    private final Map<String, MetricType> types;
    private final int sampleCount;
    private final int malformedCount;
    private final List<MalformedLine> malformed;

    Exposition(
            Map<String, List<Sample>> samplesByName,
            Map<String, MetricType> types,
            int sampleCount,
            int malformedCount,
            List<MalformedLine> malformed) {
        this.samplesByName = samplesByName;
        this.types = types;
        this.sampleCount = sampleCount;
        this.malformedCount = malformedCount;
        this.malformed = List.copyOf(malformed);
    }

    /** The samples named exactly {@code name}, in the order they appeared; empty when none. */
    public List<Sample> samples(String name) {
        return samplesByName.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return samplesByName.containsKey(name);
    }

    public Set<String> sampleNames() {
        return samplesByName.keySet();
    }

    /** The type declared for {@code family} by a {@code # TYPE} line; null when undeclared. */
    public MetricType type(String family) {
        return types.get(family);
    }

    public int sampleCount() {
        return sampleCount;
    }

    public int malformedCount() {
        return malformedCount;
    }

    /** The first {@value #MAX_MALFORMED_DETAILS} skipped lines. */
    public List<MalformedLine> malformed() {
        return malformed;
    }
}
