package io.inferscale.scaler.adapter.jdbc;

import io.inferscale.contracts.ActionOutcome;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionRecorder;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only action records: one row per attempt, written as the attempt ends. */
@Repository
public class ScalingActionRepository implements ActionRecorder {
    private final JdbcTemplate jdbc;

    public ScalingActionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ActionAttempt a) {
        jdbc.update(
                """
                INSERT INTO scaler.scaling_action (decision_id, model, provider, target, desired_replicas,
                    attempt, outcome, failure, error, started_at, duration_ms, backoff_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                ps -> {
                    ps.setString(1, a.decisionId());
                    ps.setString(2, a.target().model());
                    ps.setString(3, a.target().provider());
                    ps.setString(4, a.target().target());
                    ps.setInt(5, a.desiredReplicas());
                    ps.setInt(6, a.attempt());
                    ps.setString(7, a.outcome().name());
                    ps.setString(8, a.failure() == null ? null : a.failure().name());
                    ps.setString(9, a.error());
                    ps.setTimestamp(10, Timestamp.from(a.startedAt()));
                    ps.setLong(11, a.duration().toMillis());
                    ps.setObject(
                            12, a.backoff() == null ? null : a.backoff().toMillis(), Types.BIGINT);
                });
    }

    /** Every attempt for one decision, in order. */
    public List<ActionAttempt> forDecision(String decisionId) {
        return jdbc.query(
                "SELECT * FROM scaler.scaling_action WHERE decision_id = ? ORDER BY attempt, id",
                ScalingActionRepository::attempt,
                decisionId);
    }

    /** The latest attempts for one model, newest first. */
    public List<ActionAttempt> recent(String model, int limit) {
        return jdbc.query(
                "SELECT * FROM scaler.scaling_action WHERE model = ? ORDER BY started_at DESC, id DESC"
                        + " LIMIT ?",
                ScalingActionRepository::attempt,
                model,
                limit);
    }

    private static ActionAttempt attempt(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        long backoff = rs.getLong("backoff_ms");
        Duration backoffOrNull = rs.wasNull() ? null : Duration.ofMillis(backoff);
        return new ActionAttempt(
                rs.getString("decision_id"),
                new ScalingTarget(
                        rs.getString("model"), rs.getString("provider"), rs.getString("target")),
                rs.getInt("desired_replicas"),
                rs.getInt("attempt"),
                ActionOutcome.valueOf(rs.getString("outcome")),
                failure == null ? null : FailureKind.valueOf(failure),
                rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(),
                Duration.ofMillis(rs.getLong("duration_ms")),
                backoffOrNull);
    }
}
