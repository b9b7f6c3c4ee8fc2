package io.inferscale.scaler.adapter.jdbc;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.core.scaling.ScalingPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scaling policies and their append-only change log, written in one transaction so the log never
 * misses one.
 */
@Repository
public class ScalingPolicyRepository {
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScalingPolicyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void upsert(ScalingPolicy p, String actor, Instant now) {
        jdbc.update(
                """
                INSERT INTO scaler.scaling_policy (model, min_replicas, max_replicas, target_concurrency,
                    target_tokens_per_second, slo_ttft_ms, slo_latency_ms, lead_time_seconds,
                    scale_up_stabilisation_s, scale_down_stabilisation_s, max_step, mode, provider, target, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (model) DO UPDATE SET
                    min_replicas = excluded.min_replicas, max_replicas = excluded.max_replicas,
                    target_concurrency = excluded.target_concurrency,
                    target_tokens_per_second = excluded.target_tokens_per_second,
                    slo_ttft_ms = excluded.slo_ttft_ms, slo_latency_ms = excluded.slo_latency_ms,
                    lead_time_seconds = excluded.lead_time_seconds,
                    scale_up_stabilisation_s = excluded.scale_up_stabilisation_s,
                    scale_down_stabilisation_s = excluded.scale_down_stabilisation_s,
                    max_step = excluded.max_step, mode = excluded.mode, provider = excluded.provider,
                    target = excluded.target, updated_at = excluded.updated_at
                """,
                ps -> {
                    ps.setString(1, p.model());
                    ps.setInt(2, p.minReplicas());
                    ps.setInt(3, p.maxReplicas());
                    ps.setDouble(4, p.targetConcurrencyPerReplica());
                    ps.setObject(5, p.targetTokensPerSecondPerReplica(), Types.DOUBLE);
                    ps.setObject(6, p.sloTtftMs(), Types.INTEGER);
                    ps.setObject(7, p.sloLatencyMs(), Types.INTEGER);
                    ps.setLong(8, p.provisioningLeadTime().toSeconds());
                    ps.setLong(9, p.scaleUpStabilisation().toSeconds());
                    ps.setLong(10, p.scaleDownStabilisation().toSeconds());
                    ps.setInt(11, p.maxStep());
                    ps.setString(12, p.mode().name());
                    ps.setString(13, p.provider());
                    ps.setString(14, p.target());
                    ps.setTimestamp(15, Timestamp.from(now));
                });
        recordChange(p.model(), actor, now, "UPSERT", json.writeValueAsString(p));
    }

    @Transactional
    public boolean delete(String model, String actor, Instant now) {
        boolean existed =
                jdbc.update("DELETE FROM scaler.scaling_policy WHERE model = ?", model) > 0;
        if (existed) {
            recordChange(model, actor, now, "DELETE", null);
        }
        return existed;
    }

    public Optional<ScalingPolicy> find(String model) {
        return jdbc
                .query(
                        "SELECT * FROM scaler.scaling_policy WHERE model = ?",
                        ScalingPolicyRepository::policy,
                        model)
                .stream()
                .findFirst();
    }

    public List<ScalingPolicy> findAll() {
        return jdbc.query(
                "SELECT * FROM scaler.scaling_policy ORDER BY model",
                ScalingPolicyRepository::policy);
    }

    public List<PolicyChange> changes(String model, int limit) {
        return jdbc.query(
                "SELECT changed_at, changed_by, change, policy::text FROM scaler.policy_change WHERE model = ?"
                        + " ORDER BY id DESC LIMIT ?",
                (rs, i) ->
                        new PolicyChange(
                                rs.getTimestamp(1).toInstant(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4)),
                model,
                limit);
    }

    public record PolicyChange(
            Instant changedAt, String changedBy, String change, String policyJson) {}

    private void recordChange(
            String model, String actor, Instant now, String change, String policyJson) {
        jdbc.update(
                "INSERT INTO scaler.policy_change (model, changed_at, changed_by, change, policy)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb)",
                model,
                Timestamp.from(now),
                actor,
                change,
                policyJson);
    }

    private static ScalingPolicy policy(ResultSet rs, int row) throws SQLException {
        return new ScalingPolicy(
                rs.getString("model"),
                rs.getInt("min_replicas"),
                rs.getInt("max_replicas"),
                rs.getDouble("target_concurrency"),
                (Double) rs.getObject("target_tokens_per_second"),
                (Integer) rs.getObject("slo_ttft_ms"),
                (Integer) rs.getObject("slo_latency_ms"),
                Duration.ofSeconds(rs.getLong("lead_time_seconds")),
                Duration.ofSeconds(rs.getLong("scale_up_stabilisation_s")),
                Duration.ofSeconds(rs.getLong("scale_down_stabilisation_s")),
                rs.getInt("max_step"),
                ScalingMode.valueOf(rs.getString("mode")),
                rs.getString("provider"),
                rs.getString("target"));
    }
}
