package io.inferscale.forecast.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The life of a training round: queued, running, then succeeded (see {@link RoundRecorder}) or
 * failed.
 */
@Repository
public class TrainingRunRepository {
    private final JdbcTemplate jdbc;

    public TrainingRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the training schedule needs to know of a model's past rounds. */
    public record RunHistory(Instant lastAttempt, boolean lastAttemptFailed, Instant lastSuccess) {}

    public long queue(String model, String trigger, String requestedBy, Instant now) {
        return jdbc.queryForObject(
                """
                INSERT INTO forecast.training_runs (model, trigger, requested_by, status, queued_at)
                VALUES (?, ?, ?, 'QUEUED', ?) RETURNING id
                """,
                Long.class,
                model,
                trigger,
                requestedBy,
                Timestamp.from(now));
    }

    public void markRunning(long id, Instant now) {
        jdbc.update(
                "UPDATE forecast.training_runs SET status = 'RUNNING', started_at = ? WHERE id = ?",
                Timestamp.from(now),
                id);
    }

    public void markFailed(long id, Instant now, String error) {
        jdbc.update(
                """
                UPDATE forecast.training_runs SET status = 'FAILED', finished_at = ?, error = ?
                WHERE id = ?
                """,
                Timestamp.from(now),
                error,
                id);
    }

    /**
     * Rounds left queued or running by a previous process: they will never finish. One instance per
     * database is assumed (see README, forecast-service).
     */
    public int failUnfinished(Instant now) {
        return jdbc.update(
                """
                UPDATE forecast.training_runs
                SET status = 'FAILED', finished_at = ?, error = 'interrupted: the service stopped'
                WHERE status IN ('QUEUED', 'RUNNING')
                """,
                Timestamp.from(now));
    }

    public Map<String, RunHistory> histories() {
        Map<String, RunHistory> out = new HashMap<>();
        jdbc.query(
                """
                SELECT model,
                       max(queued_at),
                       (array_agg(status ORDER BY id DESC))[1],
                       max(queued_at) FILTER (WHERE status = 'SUCCEEDED')
                FROM forecast.training_runs GROUP BY model
                """,
                rs -> {
                    Timestamp success = rs.getTimestamp(4);
                    out.put(
                            rs.getString(1),
                            new RunHistory(
                                    rs.getTimestamp(2).toInstant(),
                                    "FAILED".equals(rs.getString(3)),
                                    success == null ? null : success.toInstant()));
                });
        return out;
    }

    public boolean anyFor(String model) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM forecast.training_runs WHERE model = ?)",
                        Boolean.class,
                        model));
    }
}
