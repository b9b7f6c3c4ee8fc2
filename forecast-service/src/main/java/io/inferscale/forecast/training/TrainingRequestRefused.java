package io.inferscale.forecast.training;

/** Why a round could not be queued; the REST API turns it into a problem+json answer. */
public class TrainingRequestRefused extends RuntimeException {
    public enum Why {
        UNKNOWN_MODEL,
        IN_FLIGHT,
        NOT_ENOUGH_HISTORY
    }

    private final Why why;

    public TrainingRequestRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
