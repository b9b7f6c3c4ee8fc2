package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.ReplicaLoad;
import java.net.URI;
import java.util.Map;
import org.springframework.cloud.client.ServiceInstance;

/**
 * A chosen replica in Spring Cloud LoadBalancer's terms; keeps the load handle for completion
 * tracking.
 */
public record ReplicaServiceInstance(String model, ReplicaLoad load, URI uri)
        implements ServiceInstance {

    ReplicaServiceInstance(String model, ReplicaLoad load) {
        this(model, load, URI.create(load.address()));
    }

    @Override
    public String getServiceId() {
        return model;
    }

    @Override
    public String getInstanceId() {
        return load.replicaId();
    }

    @Override
    public String getHost() {
        return uri.getHost();
    }

    @Override
    public int getPort() {
        return uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    }

    @Override
    public boolean isSecure() {
        return "https".equals(uri.getScheme());
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public Map<String, String> getMetadata() {
        return Map.of("replicaId", load.replicaId());
    }
}
