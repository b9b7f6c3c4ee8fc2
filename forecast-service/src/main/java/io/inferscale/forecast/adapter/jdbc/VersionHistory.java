package io.inferscale.forecast.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read side of training: what serves each model, its versions with their backtest scores, and
 * the rounds with everything they compared. The records are the shapes the REST API answers with;
 * scores that could not be computed are null (JSON has no NaN).
 */
@Repository
public class VersionHistory {
    private final JdbcTemplate jdbc;

    public VersionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version that serves a model, with what is needed to serve it again after a restart. */
    public record Serving(
            String model,
            long versionId,
            int version,
            String forecaster,
            long runId,
            Instant since,
            Instant trainFrom,
            Instant trainTo,
            int stepSeconds,
            String artifact) {}

    public record Score(
            String role,
            String forecaster,
            Integer version,
            int scored,
            Double mase,
            Double smape,
            Double pinballP90,
            Double p90Coverage,
            double fitSeconds,
            String error) {}

    public record Version(
            int version,
            String forecaster,
            long runId,
            Instant createdAt,
            Instant trainFrom,
            Instant trainTo,
            String artifact,
            boolean serving,
            Score backtest) {}

    public record Run(
            long id,
            String trigger,
            String requestedBy,
            String status,
            Instant queuedAt,
            Instant startedAt,
            Instant finishedAt,
            Instant trainFrom,
            Instant trainTo,
            Instant testTo,
            Integer horizonSteps,
            Integer origins,
            String decision,
            Integer servingVersion,
            String reason,
            String error,
            List<Score> scores) {}

    private static final String SERVING =
            """
            SELECT s.model, v.id, v.version, v.forecaster, s.run_id, s.since, v.train_from, v.train_to,
                   v.step_seconds, v.artifact
            FROM forecast.serving s JOIN forecast.model_versions v ON v.id = s.version_id
            """;

    public List<Serving> servingAll() {
        return jdbc.query(SERVING + " ORDER BY s.model", (rs, i) -> serving(rs));
    }

    public Optional<Serving> serving(String model) {
        return jdbc.query(SERVING + " WHERE s.model = ?", (rs, i) -> serving(rs), model).stream()
                .findFirst();
    }

    public List<Version> versions(String model, int limit) {
        return jdbc.query(
                """
                SELECT v.version, v.forecaster, v.run_id, v.created_at, v.train_from, v.train_to,
                       v.artifact, (s.version_id IS NOT NULL),
                       b.role, b.forecaster, v.version, b.scored, b.mase, b.smape, b.pinball_p90,
                       b.p90_coverage, b.fit_seconds, b.error
                FROM forecast.model_versions v
                LEFT JOIN forecast.serving s ON s.version_id = v.id
                LEFT JOIN forecast.backtest_scores b ON b.version_id = v.id AND b.run_id = v.run_id
                WHERE v.model = ? ORDER BY v.version DESC LIMIT ?
                """,
                (rs, i) ->
                        new Version(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getLong(3),
                                instant(rs, 4),
                                instant(rs, 5),
                                instant(rs, 6),
                                rs.getString(7),
                                rs.getBoolean(8),
                                rs.getString(9) == null ? null : score(rs, 9)),
                model,
                limit);
    }

    public List<Run> runs(String model, int limit) {
        Map<Long, List<Score>> scores = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT b.run_id, b.role, b.forecaster, v.version, b.scored, b.mase, b.smape,
                       b.pinball_p90, b.p90_coverage, b.fit_seconds, b.error
                FROM forecast.backtest_scores b
                LEFT JOIN forecast.model_versions v ON v.id = b.version_id
                WHERE b.run_id IN (SELECT id FROM forecast.training_runs WHERE model = ?
                                   ORDER BY id DESC LIMIT ?)
                ORDER BY b.run_id, b.mase NULLS LAST
                """,
                rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(score(rs, 2));
                },
                model,
                limit);
        return jdbc.query(
                """
                SELECT r.id, r.trigger, r.requested_by, r.status, r.queued_at, r.started_at,
                       r.finished_at, r.train_from, r.train_to, r.test_to, r.horizon_steps, r.origins,
                       r.decision, v.version, r.reason, r.error
                FROM forecast.training_runs r
                LEFT JOIN forecast.model_versions v ON v.id = r.serving_version_id
                WHERE r.model = ? ORDER BY r.id DESC LIMIT ?
                """,
                (rs, i) ->
                        new Run(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                instant(rs, 5),
                                instant(rs, 6),
                                instant(rs, 7),
                                instant(rs, 8),
                                instant(rs, 9),
                                instant(rs, 10),
                                (Integer) rs.getObject(11),
                                (Integer) rs.getObject(12),
                                rs.getString(13),
                                (Integer) rs.getObject(14),
                                rs.getString(15),
                                rs.getString(16),
                                scores.getOrDefault(rs.getLong(1), List.of())),
                model,
                limit);
    }

    private static Serving serving(ResultSet rs) throws SQLException {
        return new Serving(
                rs.getString(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getLong(5),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                rs.getInt(9),
                rs.getString(10));
    }

    /** Columns from {@code first}: role, forecaster, version, scored, 4 scores, fit, error. */
    private static Score score(ResultSet rs, int first) throws SQLException {
        return new Score(
                rs.getString(first),
                rs.getString(first + 1),
                (Integer) rs.getObject(first + 2),
                rs.getInt(first + 3),
                finite(rs.getDouble(first + 4)),
                finite(rs.getDouble(first + 5)),
                finite(rs.getDouble(first + 6)),
                finite(rs.getDouble(first + 7)),
                rs.getDouble(first + 8),
                rs.getString(first + 9));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
