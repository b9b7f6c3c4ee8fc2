package io.inferscale.rl.adapter.web;

import io.inferscale.rl.RlProperties;
import io.inferscale.rl.adapter.jdbc.PolicyVersionRepository;
import io.inferscale.rl.domain.PolicyVersion;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Policy versions of a model, newest first. */
@RestController
public class PolicyController {
    private final PolicyVersionRepository repository;
    private final RlProperties properties;

    public PolicyController(PolicyVersionRepository repository, RlProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping("/api/v1/routing/policies/{model}/versions")
    public List<PolicyVersion> versions(
            @PathVariable String model, @RequestParam(defaultValue = "20") @Min(1) int limit) {
        if (limit > properties.policyHistoryLimit()) {
            throw new IllegalArgumentException("limit: at most " + properties.policyHistoryLimit());
        }
        return repository.history(model, limit);
    }
}
