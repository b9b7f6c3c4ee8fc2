package io.inferscale.forecast.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a model is due for a training round: once it has {@code minHistory} of observed data, then
 * every {@code interval}; at once when nothing serves it (no round succeeded yet, or the serving
 * version could not be restored). A failed round, or one after which still nothing serves, is
 * retried only after {@code retryAfter}, so a model whose data cannot train does not spin.
 */
public record TrainingSchedule(Duration interval, Duration retryAfter, Duration minHistory) {

    /**
     * @param observedHistory observed steps times the step length
     * @param inFlight a round is queued or running
     * @param serving a version serves the model now
     * @param lastAttempt when the latest round was queued; null if never
     * @param lastAttemptFailed that round failed
     * @param lastSuccess when the latest successful round was queued; null if never
     */
    public record ModelState(
            Duration observedHistory,
            boolean inFlight,
            boolean serving,
            Instant lastAttempt,
            boolean lastAttemptFailed,
            Instant lastSuccess) {}

    /** The verdict and why, for logs and tests. */
    public record Verdict(boolean due, String reason) {}

    public TrainingSchedule {
        if (interval == null || retryAfter == null || minHistory == null) {
            throw new IllegalArgumentException("interval, retryAfter and minHistory are required");
        }
    }

    public Verdict due(ModelState s, Instant now) {
        if (s.inFlight()) {
            return new Verdict(false, "a round is queued or running");
        }
        if (s.observedHistory().compareTo(minHistory) < 0) {
            return new Verdict(false, "history " + s.observedHistory() + " is below " + minHistory);
        }
        boolean recentAttempt =
                s.lastAttempt() != null
                        && Duration.between(s.lastAttempt(), now).compareTo(retryAfter) < 0;
        if (recentAttempt && (s.lastAttemptFailed() || !s.serving())) {
            return new Verdict(false, "the last round did not give a serving version; retry later");
        }
        if (!s.serving()) {
            return new Verdict(true, "nothing serves the model");
        }
        if (s.lastSuccess() == null) {
            return new Verdict(true, "never trained");
        }
        if (Duration.between(s.lastSuccess(), now).compareTo(interval) >= 0) {
            return new Verdict(true, "the last round is older than " + interval);
        }
        return new Verdict(false, "trained within " + interval);
    }
}
