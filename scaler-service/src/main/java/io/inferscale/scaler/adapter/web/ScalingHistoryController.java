package io.inferscale.scaler.adapter.web;

import io.inferscale.scaler.adapter.jdbc.ScalingActionRepository;
import io.inferscale.scaler.adapter.jdbc.ScalingDecisionRepository;
import io.inferscale.scaler.adapter.jdbc.ScalingDecisionRepository.DecisionRow;
import io.inferscale.scaler.adapter.jdbc.ScalingPolicyRepository;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Why did it scale?": a model's audited decisions, newest first, each with its action attempts.
 */
@Validated
@RestController
public class ScalingHistoryController {
    private final ScalingDecisionRepository decisions;
    private final ScalingActionRepository actions;
    private final ScalingPolicyRepository policies;

    public ScalingHistoryController(
            ScalingDecisionRepository decisions,
            ScalingActionRepository actions,
            ScalingPolicyRepository policies) {
        this.decisions = decisions;
        this.actions = actions;
        this.policies = policies;
    }

    /**
     * @param changesOnly only decisions that asked for a different count (the default leaves out
     *     the steady-state ones)
     */
    @GetMapping("/api/v1/scaling/{model}/history")
    public History history(
            @PathVariable String model,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "false") boolean changesOnly) {
        if (policies.find(model).isEmpty() && !decisions.anyFor(model)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no scaling policy or history for '" + model + "'");
        }
        List<Entry> entries =
                decisions.recent(model, limit, changesOnly).stream()
                        .map(
                                d ->
                                        new Entry(
                                                d,
                                                actions.forDecision(d.decisionId()).stream()
                                                        .map(ActionView::of)
                                                        .toList()))
                        .toList();
        return new History(model, entries);
    }

    public record History(String model, List<Entry> decisions) {}

    public record Entry(DecisionRow decision, List<ActionView> actions) {}

    public record ActionView(
            int attempt,
            int desiredReplicas,
            String outcome,
            String failure,
            String error,
            Instant startedAt,
            long durationMs,
            Long backoffMs) {
        static ActionView of(ActionAttempt a) {
            return new ActionView(
                    a.attempt(),
                    a.desiredReplicas(),
                    a.outcome().name(),
                    a.failure() == null ? null : a.failure().name(),
                    a.error(),
                    a.startedAt(),
                    a.duration().toMillis(),
                    a.backoff() == null ? null : a.backoff().toMillis());
        }
    }
}
