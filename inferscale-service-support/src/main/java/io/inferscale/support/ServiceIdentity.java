package io.inferscale.support;

/**
 * Who is producing: stamped into every event's {@code meta.producer}, e.g. {@code
 * metrics-collector@host:8081}. Consumers use it to tell instances apart when they debug ordering
 * or duplicates.
 */
public record ServiceIdentity(String service, String instance) {
    public String producer() {
        return service + "@" + instance;
    }
}
