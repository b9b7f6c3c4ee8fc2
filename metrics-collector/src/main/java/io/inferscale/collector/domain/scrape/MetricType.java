package io.inferscale.collector.domain.scrape;

/** The metric types a {@code # TYPE} line may declare in text format 0.0.4. */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY,
    UNTYPED;

    /** The exact lower-case token of the text format, or null when {@code token} names none. */
    static MetricType fromToken(String token) {
        return switch (token) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "histogram" -> HISTOGRAM;
            case "summary" -> SUMMARY;
            case "untyped" -> UNTYPED;
            default -> null;
        };
    }
}
