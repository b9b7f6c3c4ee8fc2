package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.domain.security.ApiKeyRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ApiKeyRepository {
    private final JdbcTemplate jdbc;

    public ApiKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKeyRecord> find(String id) {
        return jdbc
                .query("SELECT * FROM gateway.api_key WHERE id = ?", ApiKeyRepository::row, id)
                .stream()
                .findFirst();
    }

    public List<ApiKeyRecord> all() {
        return jdbc.query(
                "SELECT * FROM gateway.api_key ORDER BY created_at", ApiKeyRepository::row);
    }

    public boolean anyActive() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject(
                        "SELECT exists(SELECT 1 FROM gateway.api_key WHERE revoked_at IS NULL)",
                        Boolean.class));
    }

    /**
     * @return false when a key with that id already exists (another gateway instance won the race)
     */
    @Transactional
    public boolean insert(ApiKeyRecord k) {
        int rows =
                jdbc.update(
                        """
                INSERT INTO gateway.api_key (id, name, secret_hash, rate_per_second, burst, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """,
                        k.id(),
                        k.name(),
                        k.secretHash(),
                        k.ratePerSecond(),
                        k.burst(),
                        Timestamp.from(k.createdAt()),
                        k.createdBy());
        if (rows > 0) {
            audit(k.createdAt(), k.createdBy(), "create-api-key", k.id(), k.name());
        }
        return rows > 0;
    }

    @Transactional
    public boolean revoke(String id, String actor, Instant now) {
        int rows =
                jdbc.update(
                        "UPDATE gateway.api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        Timestamp.from(now),
                        id);
        if (rows > 0) {
            audit(now, actor, "revoke-api-key", id, null);
        }
        return rows > 0;
    }

    private void audit(Instant at, String actor, String action, String subject, String detail) {
        jdbc.update(
                "INSERT INTO gateway.audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(at),
                actor,
                action,
                subject,
                detail);
    }

    private static ApiKeyRecord row(ResultSet rs, int i) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKeyRecord(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("secret_hash"),
                rs.getDouble("rate_per_second"),
                rs.getInt("burst"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant());
    }
}
