package io.inferscale.scaler.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only audit of the control loop's decisions ({@code scaler.scaling_decision}). */
@Repository
public class ScalingDecisionRepository {
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScalingDecisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited decision; {@code terms} and {@code inputs} are what the event carries. */
    public record DecisionRow(
            String decisionId,
            String model,
            Instant decidedAt,
            String decidedBy,
            String mode,
            int currentReplicas,
            int readyReplicas,
            int desiredReplicas,
            String reason,
            String forecastStatus,
            boolean telemetryStale,
            boolean applied,
            Map<String, Double> terms,
            Map<String, Double> inputs,
            String explanation) {}

    public void insert(DecisionRow d) {
        jdbc.update(
                "INSERT INTO scaler.scaling_decision (decision_id, model, decided_at, decided_by, mode,"
                        + " current_replicas, ready_replicas, desired_replicas, reason, forecast_status,"
                        + " telemetry_stale, applied, terms, inputs, explanation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)",
                d.decisionId(),
                d.model(),
                Timestamp.from(d.decidedAt()),
                d.decidedBy(),
                d.mode(),
                d.currentReplicas(),
                d.readyReplicas(),
                d.desiredReplicas(),
                d.reason(),
                d.forecastStatus(),
                d.telemetryStale(),
                d.applied(),
                json.writeValueAsString(d.terms()),
                json.writeValueAsString(d.inputs()),
                d.explanation());
    }

    /**
     * @param changesOnly only decisions whose desired count differed from the current one
     */
    public List<DecisionRow> recent(String model, int limit, boolean changesOnly) {
        return jdbc.query(
                "SELECT * FROM scaler.scaling_decision WHERE model = ?"
                        + (changesOnly ? " AND desired_replicas <> current_replicas" : "")
                        + " ORDER BY decided_at DESC, decision_id LIMIT ?",
                this::row,
                model,
                limit);
    }

    public boolean anyFor(String model) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM scaler.scaling_decision WHERE model = ?)",
                        Boolean.class,
                        model));
    }

    /** Deletes decisions older than {@code before}; their action rows are kept as they are. */
    public int deleteBefore(Instant before) {
        return jdbc.update(
                "DELETE FROM scaler.scaling_decision WHERE decided_at < ?", Timestamp.from(before));
    }

    private DecisionRow row(ResultSet rs, int n) throws SQLException {
        return new DecisionRow(
                rs.getString("decision_id"),
                rs.getString("model"),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decided_by"),
                rs.getString("mode"),
                rs.getInt("current_replicas"),
                rs.getInt("ready_replicas"),
                rs.getInt("desired_replicas"),
                rs.getString("reason"),
                rs.getString("forecast_status"),
                rs.getBoolean("telemetry_stale"),
                rs.getBoolean("applied"),
                json.readValue(rs.getString("terms"), NUMBERS),
                json.readValue(rs.getString("inputs"), NUMBERS),
                rs.getString("explanation"));
    }
}
