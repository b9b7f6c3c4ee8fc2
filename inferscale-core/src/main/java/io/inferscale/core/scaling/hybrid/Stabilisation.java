package io.inferscale.core.scaling.hybrid;

import io.inferscale.core.scaling.hybrid.DeciderState.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The HPA's {@code stabilizeRecommendationWithBehaviors} over an immutable history: scale up no
 * further than the lowest, and down no further than the highest, proposal within each direction's
 * window (the controller's strict "after the cutoff").
 */
final class Stabilisation {
    private Stabilisation() {}

    static int stabilise(
            List<Recommendation> history,
            long nowNanos,
            long upWindowNanos,
            long downWindowNanos,
            int current,
            int proposal) {
        long upCutoff = nowNanos - upWindowNanos;
        long downCutoff = nowNanos - downWindowNanos;
        int upRecommendation = proposal;
        int downRecommendation = proposal;
        for (Recommendation r : history) {
            if (r.atNanos() > upCutoff) {
                upRecommendation = Math.min(upRecommendation, r.replicas());
            }
            if (r.atNanos() > downCutoff) {
                downRecommendation = Math.max(downRecommendation, r.replicas());
            }
        }
        int recommendation = current;
        if (recommendation < upRecommendation) {
            recommendation = upRecommendation;
        }
        if (recommendation > downRecommendation) {
            recommendation = downRecommendation;
        }
        return recommendation;
    }

    /** The history with entries older than {@code keepNanos} dropped and this proposal added. */
    static List<Recommendation> remember(
            List<Recommendation> history, long nowNanos, long keepNanos, int proposal) {
        long cutoff = nowNanos - keepNanos;
        List<Recommendation> kept = new ArrayList<>(history.size() + 1);
        for (Recommendation r : history) {
            if (r.atNanos() > cutoff && r.atNanos() <= nowNanos) {
                kept.add(r);
            }
        }
        kept.add(new Recommendation(nowNanos, proposal));
        return kept;
    }
}
