package io.inferscale.scaler.adapter.web;

import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.scaler.ScalerProperties;
import io.inferscale.scaler.adapter.jdbc.ScalingPolicyRepository;
import io.inferscale.scaler.adapter.jdbc.ScalingPolicyRepository.PolicyChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Scaling policies per model. The gateway authenticates callers and passes the user in {@code
 * X-InferScale-User}; every change is recorded with it.
 */
@RestController
@RequestMapping("/api/v1/scaling/policies")
public class ScalingPolicyController {
    static final String USER_HEADER = "X-InferScale-User";
    private final ScalingPolicyRepository repository;
    private final ScalerProperties properties;
    private final Clock clock;

    public ScalingPolicyController(
            ScalingPolicyRepository repository, ScalerProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    public List<ScalingPolicy> all() {
        return repository.findAll();
    }

    @GetMapping("/{model}")
    public ScalingPolicy one(@PathVariable String model) {
        return repository
                .find(model)
                .orElseThrow(
                        () ->
                                new ResponseStatusException(
                                        HttpStatus.NOT_FOUND, "no scaling policy for " + model));
    }

    @PutMapping("/{model}")
    public ScalingPolicy put(
            @PathVariable String model,
            @Valid @RequestBody ScalingPolicyRequest request,
            @RequestHeader(value = USER_HEADER, defaultValue = "unauthenticated") String user) {
        if (!properties.providers().contains(request.provider())) {
            throw new IllegalArgumentException(
                    "provider: '"
                            + request.provider()
                            + "' is not one of "
                            + properties.providers());
        }
        ScalingPolicy policy = request.toPolicy(model);
        repository.upsert(policy, user, clock.instant());
        return policy;
    }

    @DeleteMapping("/{model}")
    public ResponseEntity<Void> delete(
            @PathVariable String model,
            @RequestHeader(value = USER_HEADER, defaultValue = "unauthenticated") String user) {
        if (!repository.delete(model, user, clock.instant())) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no scaling policy for " + model);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{model}/changes")
    public List<PolicyChange> changes(
            @PathVariable String model,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return repository.changes(model, limit);
    }
}
