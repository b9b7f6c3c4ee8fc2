package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.domain.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class UserRepository {
    private final JdbcTemplate jdbc;

    public UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredUser(String username, String passwordHash, Role role, Instant createdAt) {}

    public Optional<StoredUser> find(String username) {
        return jdbc
                .query(
                        "SELECT username, password_hash, role, created_at FROM gateway.app_user WHERE username = ?",
                        (rs, i) ->
                                new StoredUser(
                                        rs.getString(1),
                                        rs.getString(2),
                                        Role.valueOf(rs.getString(3)),
                                        rs.getTimestamp(4).toInstant()),
                        username)
                .stream()
                .findFirst();
    }

    public List<StoredUser> all() {
        return jdbc.query(
                "SELECT username, password_hash, role, created_at FROM gateway.app_user ORDER BY username",
                (rs, i) ->
                        new StoredUser(
                                rs.getString(1),
                                rs.getString(2),
                                Role.valueOf(rs.getString(3)),
                                rs.getTimestamp(4).toInstant()));
    }

    public boolean anyAdmin() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject(
                        "SELECT exists(SELECT 1 FROM gateway.app_user WHERE role = 'ADMIN')",
                        Boolean.class));
    }

    /**
     * @return false when the user exists already
     */
    @Transactional
    public boolean insert(
            String username, String passwordHash, Role role, String actor, Instant now) {
        int rows =
                jdbc.update(
                        """
                INSERT INTO gateway.app_user (username, password_hash, role, created_at, created_by)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                """,
                        username,
                        passwordHash,
                        role.name(),
                        Timestamp.from(now),
                        actor);
        if (rows > 0) {
            jdbc.update(
                    "INSERT INTO gateway.audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                    Timestamp.from(now),
                    actor,
                    "create-user",
                    username,
                    role.name());
        }
        return rows > 0;
    }

    /**
     * Sets a new password hash, audited with the reason.
     *
     * @return false when there is no such user
     */
    @Transactional
    public boolean resetPassword(
            String username, String passwordHash, String actor, Instant now, String reason) {
        int rows =
                jdbc.update(
                        "UPDATE gateway.app_user SET password_hash = ? WHERE username = ?",
                        passwordHash,
                        username);
        if (rows > 0) {
            jdbc.update(
                    "INSERT INTO gateway.audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                    Timestamp.from(now),
                    actor,
                    "reset-password",
                    username,
                    reason);
        }
        return rows > 0;
    }
}
