package io.inferscale.core.forecast;

/**
 * What serves after a training round, and why.
 *
 * @param chosen the id of the model that serves; null only when nothing serves yet and nothing
 *     could be scored
 * @param outcome which branch of the rule decided
 * @param reason the comparison in words, for the version history and the logs
 */
public record ServingChoice(String chosen, Outcome outcome, String reason) {

    public enum Outcome {
        /** A candidate beat both the current model and the best baseline. */
        PROMOTED,
        /** No candidate won and the current model scored at least as well as the best baseline. */
        KEPT_CURRENT,
        /** No candidate won and the best baseline beat the current model (or nothing served). */
        BEST_BASELINE,
        /** Nothing could be scored: whatever served keeps serving (possibly nothing). */
        NOTHING_SCORED
    }

    public ServingChoice {
        if (outcome == null || reason == null) {
            throw new IllegalArgumentException("a serving choice needs an outcome and a reason");
        }
        if (chosen == null && outcome != Outcome.NOTHING_SCORED) {
            throw new IllegalArgumentException(outcome + " must name the model that serves");
        }
    }
}
