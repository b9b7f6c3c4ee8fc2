package io.inferscale.collector.domain.scrape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replicas InferScale does not manage, written as the gateway's {@code INFERSCALE_STATIC_REPLICAS}
 * writes them: {@code model=http://host:port}. Their replica id is the gateway's too ({@code
 * model@host:port}), so gateway telemetry and scraped snapshots name the same replica alike.
 */
public final class StaticTargets {
    private StaticTargets() {}

    public static List<ScrapeTarget> parse(
            List<String> specs,
            String serverKind,
            Map<String, Integer> metricsPorts,
            String metricsPath) {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (String spec : specs) {
            if (spec == null || spec.isBlank()) {
                continue;
            }
            targets.add(parse(spec.trim(), serverKind, metricsPorts, metricsPath));
        }
        return List.copyOf(targets);
    }

    static ScrapeTarget parse(
            String spec, String serverKind, Map<String, Integer> metricsPorts, String metricsPath) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "static target '" + spec + "' must look like model=http://host:port");
        }
        String model = spec.substring(0, eq).trim();
        String address = spec.substring(eq + 1).trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "static target '" + spec + "': address is not a URL", e);
        }
        if (uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "static target '" + spec + "': address must be an http(s) URL");
        }
        int port =
                uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        String replicaId = model + "@" + uri.getHost() + ":" + port;
        return ScrapeTarget.of(model, replicaId, address, serverKind, metricsPorts, metricsPath);
    }
}
