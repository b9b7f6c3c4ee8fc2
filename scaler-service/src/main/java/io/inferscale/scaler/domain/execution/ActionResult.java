package io.inferscale.scaler.domain.execution;

import io.inferscale.contracts.ActionOutcome;
import java.util.List;

/** Every attempt made to apply one decision, in order; the last one tells how it ended. */
public record ActionResult(List<ActionAttempt> attempts) {
    public ActionResult {
        if (attempts == null || attempts.isEmpty()) {
            throw new IllegalArgumentException("an action has at least one attempt");
        }
        attempts = List.copyOf(attempts);
    }

    public ActionAttempt last() {
        return attempts.get(attempts.size() - 1);
    }

    public ActionOutcome outcome() {
        return last().outcome();
    }

    public boolean succeeded() {
        return outcome() == ActionOutcome.SUCCEEDED;
    }
}
