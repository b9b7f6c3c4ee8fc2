package io.inferscale.gateway.adapter.web;

import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.gateway.adapter.jdbc.ModelPolicyRepository;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.ModelReplicas;
import io.inferscale.gateway.domain.PolicySelection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's own API: the models it routes, their replicas' load as this instance sees it, and
 * policies.
 */
@RestController
@RequestMapping("/api/v1/gateway")
public class GatewayAdminController {
    private final FleetRegistry registry;
    private final PolicySelection policies;
    private final ModelPolicyRepository repository;
    private final Clock clock;

    public GatewayAdminController(
            FleetRegistry registry,
            PolicySelection policies,
            ModelPolicyRepository repository,
            Clock clock) {
        this.registry = registry;
        this.policies = policies;
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping("/models")
    public List<ModelView> models() {
        return registry.models().stream().map(this::view).toList();
    }

    @GetMapping("/models/{model}")
    public ModelView model(@PathVariable String model) {
        if (registry.replicas(model).isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no replicas are known for '" + model + "'");
        }
        return view(model);
    }

    @GetMapping("/policies")
    public List<String> availablePolicies() {
        return RoutingPolicies.names();
    }

    @PutMapping("/models/{model}/policy")
    public Mono<ModelView> assign(
            @PathVariable String model,
            @Valid @RequestBody PolicyAssignment body,
            @RequestHeader(value = "X-InferScale-User", defaultValue = "unauthenticated")
                    String user) {
        if (!RoutingPolicies.names().contains(body.policy())) {
            return Mono.error(
                    new ResponseStatusException(
                            HttpStatus.BAD_REQUEST,
                            "policy: '"
                                    + body.policy()
                                    + "' is not one of "
                                    + RoutingPolicies.names()));
        }
        return Mono.fromRunnable(
                        () -> {
                            repository.assign(model, body.policy(), user, clock.instant());
                            policies.assignAll(repository.all());
                        })
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromSupplier(() -> view(model)));
    }

    private ModelView view(String model) {
        long now = System.nanoTime();
        List<ReplicaView> replicas =
                registry.replicas(model).map(ModelReplicas::all).orElse(List.of()).stream()
                        .map(k -> ReplicaView.of(k, now))
                        .toList();
        return new ModelView(model, policies.policyOf(model), replicas);
    }

    public record PolicyAssignment(@NotBlank String policy) {}

    public record ModelView(String model, String policy, List<ReplicaView> replicas) {}

    /** One replica as this gateway instance sees it: its own load view and outlier state. */
    public record ReplicaView(
            String replicaId,
            String address,
            String status,
            String source,
            int inFlight,
            double peakEwmaMs,
            int consecutiveFailures,
            long completed,
            boolean ejected,
            int ejections) {

        static ReplicaView of(ModelReplicas.KnownReplica k, long nowNanos) {
            return new ReplicaView(
                    k.replicaId(),
                    k.address(),
                    k.status(),
                    k.source(),
                    k.load().inFlight(),
                    k.load().peakEwmaNanos() / 1e6,
                    k.load().consecutiveFailures(),
                    k.load().completed(),
                    k.load().ejectedAt(nowNanos),
                    k.load().ejections());
        }
    }
}
