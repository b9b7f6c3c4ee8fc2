package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.OutlierDetector;
import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.ModelReplicas;
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
 * model's current policy (STYLE.md §4). Candidates are the model's ready replicas minus ejected
 * outliers (and minus the replica a retry is avoiding). The choice is local to this gateway
 * instance: no central hop per request.
 */
public final class ModelLoadBalancer implements ReactorServiceInstanceLoadBalancer {
    private final FleetRegistry registry;
    private final PolicySelection policies;
    private final OutlierDetector outliers;

    public ModelLoadBalancer(
            FleetRegistry registry, PolicySelection policies, OutlierDetector outliers) {
        this.registry = registry;
        this.policies = policies;
        this.outliers = outliers;
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        return Mono.just(chooseNow((RoutingAttempt) request.getContext()));
    }

    Response<ServiceInstance> chooseNow(RoutingAttempt attempt) {
        String model = attempt.request().model();
        List<ReplicaLoad> ready =
                registry.replicas(model).map(ModelReplicas::routable).orElse(List.of());
        List<ReplicaLoad> candidates = outliers.routable(ready, System.nanoTime());
        if (attempt.excludedReplicaId() != null) {
            candidates =
                    candidates.stream()
                            .filter(r -> !r.replicaId().equals(attempt.excludedReplicaId()))
                            .toList();
        }
        if (candidates.isEmpty()) {
            return new EmptyResponse();
        }
        PolicySelection.Selected selected = policies.chooserFor(model);
        ReplicaLoad chosen =
                selected.chooser()
                        .choose(candidates, attempt.request(), ThreadLocalRandom.current());
        return new DefaultResponse(new ReplicaServiceInstance(model, chosen));
    }
}
