package io.inferscale.gateway.domain;

import java.net.URI;

/** A replica named in configuration as {@code model=http://host:port}. */
public record StaticReplica(String model, String replicaId, String address) {

    public static StaticReplica parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "static replica '" + spec + "' must look like model=http://host:port");
        }
        String model = spec.substring(0, eq).trim();
        String address = spec.substring(eq + 1).trim().replaceAll("/+$", "");
        URI uri = URI.create(address);
        if (uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "static replica '" + spec + "': address must be an http(s) URL");
        }
        int port =
                uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new StaticReplica(model, model + "@" + uri.getHost() + ":" + port, address);
    }
}
