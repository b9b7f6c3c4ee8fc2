package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.core.routing.RoutingRequest;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.PolicySelection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud LoadBalancer's plug point, backed by the shared {@code ReplicaChooser} of the
 * model's current policy (STYLE.md §4). The choice is local to this gateway instance: no central
 * hop per request.
 */
public final class ModelLoadBalancer implements ReactorServiceInstanceLoadBalancer {
    private final FleetRegistry registry;
    private final PolicySelection policies;

    public ModelLoadBalancer(FleetRegistry registry, PolicySelection policies) {
        this.registry = registry;
        this.policies = policies;
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        return Mono.just(chooseNow((RoutingRequest) request.getContext()));
    }

    Response<ServiceInstance> chooseNow(RoutingRequest request) {
        List<ReplicaLoad> ready =
                registry.replicas(request.model()).map(r -> r.routable()).orElse(List.of());
        if (ready.isEmpty()) {
            return new EmptyResponse();
        }
        PolicySelection.Selected selected = policies.chooserFor(request.model());
        ReplicaLoad chosen = selected.chooser().choose(ready, request, ThreadLocalRandom.current());
        return new DefaultResponse(new ReplicaServiceInstance(request.model(), chosen));
    }
}
