package io.inferscale.collector.domain.scrape;

import java.net.URI;
import java.util.Map;

/**
 * One replica endpoint to scrape.
 *
 * @param address the replica's base URL, as routed to and reported
 * @param serverKind selects the adapter; see {@link ServerAdapters}
 * @param metricsUri where its metrics are: the address's host with the kind's metrics port when
 *     that differs from the serving port (Triton serves metrics on 8002, TorchServe on 8082), and
 *     the metrics path
 */
public record ScrapeTarget(
        String model, String replicaId, String address, String serverKind, URI metricsUri) {

    /** Unique across models: replica ids are only unique within one model. */
    public String key() {
        return model + "|" + replicaId;
    }

    public SeriesSelector selector() {
        return new SeriesSelector(model);
    }

    /**
     * @param metricsPorts per server kind, the port its metrics are served on when it is not the
     *     address's port
     */
    public static ScrapeTarget of(
            String model,
            String replicaId,
            String address,
            String serverKind,
            Map<String, Integer> metricsPorts,
            String metricsPath) {
        URI base = URI.create(address);
        if (base.getHost() == null
                || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException(
                    "replica address must be an http(s) URL with a host, was " + address);
        }
        Integer port = metricsPorts.get(serverKind);
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        URI metrics =
                URI.create(
                        base.getScheme()
                                + "://"
                                + hostForUri(base.getHost())
                                + portSuffix(port != null ? port : base.getPort())
                                + prefix
                                + (metricsPath.startsWith("/") ? "" : "/")
                                + metricsPath);
        return new ScrapeTarget(model, replicaId, address, serverKind, metrics);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String portSuffix(int port) {
        return port < 0 ? "" : ":" + port;
    }
}
