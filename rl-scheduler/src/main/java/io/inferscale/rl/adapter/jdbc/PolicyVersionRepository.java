package io.inferscale.rl.adapter.jdbc;

import io.inferscale.contracts.RoutingPolicy;
import io.inferscale.rl.domain.PolicyVersion;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class PolicyVersionRepository {
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public PolicyVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Versions are immutable: a redelivered record changes nothing. */
    public void insertAll(List<RoutingPolicy> policies) {
        jdbc.batchUpdate(
                """
                INSERT INTO rl.policy_version (model, version, algorithm, trained_at, expires_at, evaluation,
                    fallback, producer, event_id)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (model, version) DO NOTHING
                """,
                policies,
                100,
                (ps, p) -> {
                    ps.setString(1, p.model());
                    ps.setLong(2, p.version());
                    ps.setString(3, p.algorithm());
                    ps.setTimestamp(4, Timestamp.from(p.trainedAt()));
                    ps.setTimestamp(5, Timestamp.from(p.expiresAt()));
                    ps.setString(6, json.writeValueAsString(p.evaluation()));
                    ps.setString(7, p.fallback());
                    ps.setString(8, p.meta().producer());
                    ps.setObject(9, UUID.fromString(p.meta().eventId()));
                });
    }

    public List<PolicyVersion> history(String model, int limit) {
        return jdbc.query(
                """
                SELECT model, version, algorithm, trained_at, expires_at, evaluation, fallback, producer
                FROM rl.policy_version WHERE model = ? ORDER BY version DESC LIMIT ?
                """,
                (rs, i) ->
                        new PolicyVersion(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5).toInstant(),
                                json.readValue(rs.getString(6), SCORES),
                                rs.getString(7),
                                rs.getString(8)),
                model,
                limit);
    }
}
