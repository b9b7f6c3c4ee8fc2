package io.inferscale.collector.domain.scrape;

import java.util.Collections;
import java.util.Map;

/**
 * One sample line: {@code name{labels} value [timestamp]}.
 *
 * @param labels in the order the server wrote them (vLLM writes {@code le} first, TGI last; neither
 *     order means anything)
 * @param timestampMs the optional timestamp, milliseconds since the epoch; null when absent
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMs) {
    /** {@code labels} is kept as given, not copied (the parser makes 40,000 of these a second). */
    public Sample {
        labels = Collections.unmodifiableMap(labels);
    }

    /** The value of {@code label}, or null when the sample does not carry it. */
    public String label(String label) {
        return labels.get(label);
    }
}
