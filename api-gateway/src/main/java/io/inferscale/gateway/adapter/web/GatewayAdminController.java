package io.inferscale.gateway.adapter.web;

import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.routing.learned.LearnedPolicy;
import io.inferscale.core.routing.learned.ReplicaFeature;
import io.inferscale.gateway.adapter.jdbc.ModelPolicyRepository;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.LearnedPolicyRegistry;
import io.inferscale.gateway.domain.ModelReplicas;
import io.inferscale.gateway.domain.PolicySelection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
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
    private final LearnedPolicyRegistry learned;
    private final Clock clock;

    public GatewayAdminController(
            FleetRegistry registry,
            PolicySelection policies,
            ModelPolicyRepository repository,
            LearnedPolicyRegistry learned,
            Clock clock) {
        this.learned = learned;
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
        return new ModelView(
                model, policies.policyOf(model), LearnedView.of(model, learned, clock), replicas);
    }

    public record PolicyAssignment(@NotBlank String policy) {}

    /**
     * @param learned the model's learned policy as this gateway holds it (null when none arrived),
     *     shown whatever the model's policy, so an operator can check it before switching to rl
     */
    public record ModelView(
            String model, String policy, LearnedView learned, List<ReplicaView> replicas) {}

    /**
     * @param active evaluated when the model is set to rl: present and not expired
     * @param rejected why the newest published policy was refused, if it was
     */
    public record LearnedView(
            Long version,
            String algorithm,
            Instant expiresAt,
            List<String> features,
            boolean active,
            String rejected) {

        static LearnedView of(String model, LearnedPolicyRegistry registry, Clock clock) {
            LearnedPolicy p = registry.current(model);
            String rejected = registry.rejection(model).orElse(null);
            if (p == null) {
                return rejected == null
                        ? null
                        : new LearnedView(null, null, null, List.of(), false, rejected);
            }
            return new LearnedView(
                    p.version(),
                    p.algorithm(),
                    p.expiresAt(),
                    p.features().stream().map(ReplicaFeature::wireName).toList(),
                    !p.expiredAt(clock.instant()),
                    rejected);
        }
    }

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
