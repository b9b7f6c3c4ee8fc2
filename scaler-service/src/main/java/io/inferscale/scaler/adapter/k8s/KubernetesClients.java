package io.inferscale.scaler.adapter.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds the fabric8 client the way kubectl finds its cluster, with our timeouts. */
public final class KubernetesClients {
    private KubernetesClients() {}

    public static KubernetesClient create(KubernetesProperties props) {
        ConfigBuilder config = new ConfigBuilder(Config.autoConfigure(null));
        if (props.masterUrl() != null && !props.masterUrl().isBlank()) {
            config.withMasterUrl(props.masterUrl());
        }
        int timeoutMs = Math.toIntExact(props.requestTimeout().toMillis());
        // fabric8 retries 5xx on its own by default; Resilience4j owns retries here.
        config.withRequestTimeout(timeoutMs)
                .withConnectionTimeout(timeoutMs)
                .withRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }
}
