package io.inferscale.gateway.adapter.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Per-model routing policy assignments, shared by all gateway instances through the database. */
@Repository
public class ModelPolicyRepository {
    private final JdbcTemplate jdbc;

    public ModelPolicyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> all() {
        Map<String, String> byModel = new LinkedHashMap<>();
        jdbc.query(
                "SELECT model, policy FROM gateway.model_policy ORDER BY model",
                rs -> {
                    byModel.put(rs.getString(1), rs.getString(2));
                });
        return byModel;
    }

    @Transactional
    public void assign(String model, String policy, String actor, Instant now) {
        jdbc.update(
                """
                INSERT INTO gateway.model_policy (model, policy, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (model) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """,
                model,
                policy,
                Timestamp.from(now),
                actor);
        jdbc.update(
                "INSERT INTO gateway.audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(now),
                actor,
                "assign-routing-policy",
                model,
                policy);
    }
}
