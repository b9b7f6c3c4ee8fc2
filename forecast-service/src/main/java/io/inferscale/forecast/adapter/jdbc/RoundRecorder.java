package io.inferscale.forecast.adapter.jdbc;

import io.inferscale.core.forecast.ServingChoice;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a finished round in one transaction: a version per fitted forecaster, the backtest score
 * of everything compared, the decision, and the serving pointer when it moves. The database is
 * written before the in-memory swap, so a crash in between restores the new choice.
 */
@Repository
public class RoundRecorder {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public RoundRecorder(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * One forecaster the round compared.
     *
     * @param key the id the promotion rule knew it by
     * @param version a new version number, or null (the current version; a failed fit)
     * @param existingVersionId the current serving version's id, else null
     * @param artifact a DNN version's SavedModel directory
     * @param score null when the fit or the backtest failed
     * @param error why it failed, else null
     */
    public record Compared(
            String key,
            String role,
            String forecaster,
            Integer version,
            Long existingVersionId,
            String artifact,
            Score score,
            String error) {}

    public record Score(
            int scored,
            double mase,
            double smape,
            double pinballP90,
            double p90Coverage,
            double fitSeconds) {}

    public record Round(
            long runId,
            String model,
            Instant finishedAt,
            Instant trainFrom,
            Instant trainTo,
            Instant testTo,
            int stepSeconds,
            int horizonSteps,
            int origins,
            int missingTargets,
            List<Compared> compared,
            ServingChoice choice) {}

    public int nextVersion(String model) {
        Integer max =
                jdbc.queryForObject(
                        "SELECT max(version) FROM forecast.model_versions WHERE model = ?",
                        Integer.class,
                        model);
        return max == null ? 1 : max + 1;
    }

    /**
     * @return the id of the version the choice names (new or current), or null if nothing serves
     */
    public Long record(Round r) {
        return tx.execute(status -> write(r));
    }

    private Long write(Round r) {
        Map<String, Long> ids = new HashMap<>();
        for (Compared c : r.compared()) {
            if (c.existingVersionId() != null) {
                ids.put(c.key(), c.existingVersionId());
            } else if (c.version() != null) {
                ids.put(
                        c.key(),
                        jdbc.queryForObject(
                                """
                                INSERT INTO forecast.model_versions (model, version, forecaster, run_id,
                                    created_at, train_from, train_to, step_seconds, artifact)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                                """,
                                Long.class,
                                r.model(),
                                c.version(),
                                c.forecaster(),
                                r.runId(),
                                ts(r.finishedAt()),
                                ts(r.trainFrom()),
                                ts(r.trainTo()),
                                r.stepSeconds(),
                                c.artifact()));
            }
        }
        for (Compared c : r.compared()) {
            Score s = c.score();
            double nan = Double.NaN;
            jdbc.update(
                    """
                    INSERT INTO forecast.backtest_scores (run_id, role, forecaster, version_id, scored,
                        mase, smape, pinball_p90, p90_coverage, fit_seconds, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    r.runId(),
                    c.role(),
                    c.forecaster(),
                    ids.get(c.key()),
                    s == null ? 0 : s.scored(),
                    s == null ? nan : s.mase(),
                    s == null ? nan : s.smape(),
                    s == null ? nan : s.pinballP90(),
                    s == null ? nan : s.p90Coverage(),
                    s == null ? 0.0 : s.fitSeconds(),
                    c.error());
        }
        ServingChoice choice = r.choice();
        Long chosen = choice.chosen() == null ? null : ids.get(choice.chosen());
        jdbc.update(
                """
                UPDATE forecast.training_runs SET status = 'SUCCEEDED', finished_at = ?, train_from = ?,
                    train_to = ?, test_to = ?, horizon_steps = ?, origins = ?, missing_targets = ?,
                    decision = ?, serving_version_id = ?, reason = ?
                WHERE id = ?
                """,
                ts(r.finishedAt()),
                ts(r.trainFrom()),
                ts(r.trainTo()),
                ts(r.testTo()),
                r.horizonSteps(),
                r.origins(),
                r.missingTargets(),
                choice.outcome().name(),
                chosen,
                choice.reason(),
                r.runId());
        if (chosen != null && movesServing(choice.outcome())) {
            jdbc.update(
                    """
                    INSERT INTO forecast.serving (model, version_id, run_id, since) VALUES (?, ?, ?, ?)
                    ON CONFLICT (model) DO UPDATE SET version_id = excluded.version_id,
                        run_id = excluded.run_id, since = excluded.since
                    """,
                    r.model(),
                    chosen,
                    r.runId(),
                    ts(r.finishedAt()));
        }
        return chosen;
    }

    public static boolean movesServing(ServingChoice.Outcome outcome) {
        return outcome == ServingChoice.Outcome.PROMOTED
                || outcome == ServingChoice.Outcome.BEST_BASELINE;
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
