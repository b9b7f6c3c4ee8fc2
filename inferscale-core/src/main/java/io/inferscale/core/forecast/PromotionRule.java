package io.inferscale.core.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses what serves after a training round from the rolling-origin backtest of the current
 * serving model, the freshly trained candidates (e.g. the DNN) and the freshly fitted baselines,
 * all scored on the same origins.
 *
 * <p>A candidate is promoted only if its MASE beats (is lower than) both the current model's and
 * the best baseline's, by at least {@code minRelativeImprovement}, and its p90 covers at least
 * {@code minCandidateP90Coverage} of the targets: the scaler provisions on the p90, so a sharper
 * median bought with an under-covering p90 would under-provision. Among winning candidates the
 * lowest MASE serves. Otherwise the better of the current model and the best baseline keeps
 * serving; on an exact tie the baseline, because it was fitted on newer data. Unscored entries (NaN
 * MASE) take no part; if nothing is scored, whatever served keeps serving.
 *
 * <p>The current model is scored frozen, as it serves: a version trained only on data before its
 * own backtest window has not seen the targets of any later window, so the comparison is fair.
 */
public final class PromotionRule {

    private final double minRelativeImprovement;
    private final double minCandidateP90Coverage;

    /**
     * @param minRelativeImprovement a candidate's MASE must be at most {@code (1 - this)} times the
     *     bar; 0 means "strictly lower"
     * @param minCandidateP90Coverage the least p90 coverage a candidate may have; 0 disables the
     *     check
     */
    public PromotionRule(double minRelativeImprovement, double minCandidateP90Coverage) {
        if (!(minRelativeImprovement >= 0 && minRelativeImprovement < 1)) {
            throw new IllegalArgumentException(
                    "minRelativeImprovement must be in [0, 1), was " + minRelativeImprovement);
        }
        if (!(minCandidateP90Coverage >= 0 && minCandidateP90Coverage <= 1)) {
            throw new IllegalArgumentException(
                    "minCandidateP90Coverage must be in [0, 1], was " + minCandidateP90Coverage);
        }
        this.minRelativeImprovement = minRelativeImprovement;
        this.minCandidateP90Coverage = minCandidateP90Coverage;
    }

    /**
     * @param current the serving model, re-scored on this round's backtest; null when nothing
     *     serves yet
     * @param candidates freshly trained models that may replace it
     * @param baselines freshly fitted baselines; on a MASE tie the earlier one counts as best
     */
    public ServingChoice choose(
            BacktestedModel current,
            List<BacktestedModel> candidates,
            List<BacktestedModel> baselines) {
        BacktestedModel bestBaseline = best(baselines);
        BacktestedModel scoredCurrent = current != null && current.scored() ? current : null;
        double bar = Math.min(mase(scoredCurrent), mase(bestBaseline));
        String against = against(scoredCurrent, bestBaseline);

        BacktestedModel winner = null;
        List<String> rejected = new ArrayList<>();
        for (BacktestedModel c : candidates) {
            String why = rejection(c, bar);
            if (why != null) {
                rejected.add(c.id() + " " + why);
            } else if (winner == null || c.mase() < winner.mase()) {
                winner = c;
            }
        }
        if (winner != null) {
            return new ServingChoice(
                    winner.id(),
                    ServingChoice.Outcome.PROMOTED,
                    winner.id()
                            + " (MASE "
                            + fmt(winner.mase())
                            + ", p90 coverage "
                            + fmt(winner.p90Coverage())
                            + ") beats "
                            + against);
        }
        String why = rejected.isEmpty() ? "no candidate" : String.join("; ", rejected);
        if (scoredCurrent != null
                && (bestBaseline == null || scoredCurrent.mase() < bestBaseline.mase())) {
            return new ServingChoice(
                    scoredCurrent.id(),
                    ServingChoice.Outcome.KEPT_CURRENT,
                    why
                            + "; current "
                            + describe(scoredCurrent)
                            + " keeps serving"
                            + versus(bestBaseline));
        }
        if (bestBaseline != null) {
            return new ServingChoice(
                    bestBaseline.id(),
                    ServingChoice.Outcome.BEST_BASELINE,
                    why
                            + "; best baseline "
                            + describe(bestBaseline)
                            + " serves"
                            + (scoredCurrent == null
                                    ? current == null
                                            ? ""
                                            : " (current " + current.id() + " unscored)"
                                    : " (current " + describe(scoredCurrent) + ")"));
        }
        return new ServingChoice(
                current == null ? null : current.id(),
                ServingChoice.Outcome.NOTHING_SCORED,
                why
                        + "; nothing was scored, "
                        + (current == null
                                ? "nothing serves yet"
                                : current.id() + " keeps serving"));
    }

    /** Null when the candidate may be promoted, else why not. */
    private String rejection(BacktestedModel c, double bar) {
        if (!c.scored()) {
            return "is unscored";
        }
        if (Double.isInfinite(bar)) {
            // Nothing to beat: a candidate cannot show that it is better than anything.
            return "has nothing scored to beat";
        }
        if (!(c.mase() < bar * (1 - minRelativeImprovement))) {
            return "(MASE "
                    + fmt(c.mase())
                    + ") does not beat "
                    + fmt(bar)
                    + (minRelativeImprovement > 0
                            ? " by " + fmt(100 * minRelativeImprovement) + "%"
                            : "");
        }
        if (!(c.p90Coverage() >= minCandidateP90Coverage)) {
            return "(MASE "
                    + fmt(c.mase())
                    + ") has p90 coverage "
                    + fmt(c.p90Coverage())
                    + " < "
                    + fmt(minCandidateP90Coverage);
        }
        return null;
    }

    private static BacktestedModel best(List<BacktestedModel> models) {
        BacktestedModel best = null;
        for (BacktestedModel m : models) {
            if (m.scored() && (best == null || m.mase() < best.mase())) {
                best = m;
            }
        }
        return best;
    }

    private static double mase(BacktestedModel m) {
        return m == null ? Double.POSITIVE_INFINITY : m.mase();
    }

    private static String against(BacktestedModel current, BacktestedModel bestBaseline) {
        List<String> parts = new ArrayList<>();
        parts.add(current == null ? "no current model" : "current " + describe(current));
        parts.add(bestBaseline == null ? "no baseline" : "best baseline " + describe(bestBaseline));
        return String.join(" and ", parts);
    }

    private static String versus(BacktestedModel bestBaseline) {
        return bestBaseline == null ? "" : " (best baseline " + describe(bestBaseline) + ")";
    }

    private static String describe(BacktestedModel m) {
        return m.id() + " (MASE " + fmt(m.mase()) + ")";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
