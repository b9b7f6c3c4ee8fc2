package io.inferscale.collector.adapter.jdbc;

import io.inferscale.collector.domain.RecordedRequest;
import io.inferscale.collector.domain.SeriesPoint;
import io.inferscale.collector.domain.SeriesQuery;
import io.inferscale.contracts.RequestTelemetry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Raw request telemetry in {@code collector.request_telemetry}. Inserts are idempotent on the event
 * id.
 */
@Repository
public class RequestTelemetryRepository {
    private static final String INSERT =
            """
            INSERT INTO collector.request_telemetry (event_id, model, replica_id, gateway_id, path, status, outcome,
                started_at, finished_at, latency_ms, ttft_ms, prompt_tokens, output_tokens, queue_ms, streamed,
                attempts, policy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    public RequestTelemetryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<RequestTelemetry> events) {
        jdbc.batchUpdate(
                INSERT,
                events,
                500,
                (ps, e) -> {
                    ps.setObject(1, UUID.fromString(e.meta().eventId()));
                    ps.setString(2, e.model());
                    ps.setString(3, e.replicaId());
                    ps.setString(4, e.gatewayId());
                    ps.setString(5, e.path());
                    ps.setInt(6, e.status());
                    ps.setString(7, e.outcome().name());
                    ps.setTimestamp(8, Timestamp.from(e.startedAt()));
                    ps.setTimestamp(9, Timestamp.from(e.meta().eventTime()));
                    ps.setDouble(10, e.latencyMs());
                    ps.setObject(11, e.ttftMs(), Types.DOUBLE);
                    ps.setObject(12, e.promptTokens(), Types.INTEGER);
                    ps.setObject(13, e.outputTokens(), Types.INTEGER);
                    ps.setObject(14, e.queueMs(), Types.DOUBLE);
                    ps.setBoolean(15, e.streamed());
                    ps.setInt(16, e.attempts());
                    ps.setString(17, e.policy());
                });
    }

    public List<RecordedRequest> recent(String model, int limit) {
        return jdbc.query(
                """
                SELECT event_id, model, replica_id, gateway_id, status, outcome, started_at, finished_at,
                       latency_ms, ttft_ms, prompt_tokens, output_tokens, policy
                FROM collector.request_telemetry
                WHERE model = ?
                ORDER BY finished_at DESC
                LIMIT ?
                """,
                RequestTelemetryRepository::recorded,
                model,
                limit);
    }

    /**
     * Buckets aligned to the query's {@code from}; empty buckets are omitted (the API fills them).
     */
    public List<SeriesPoint> series(SeriesQuery q) {
        return jdbc.query(
                """
                SELECT date_bin(make_interval(secs => ?), finished_at, ?) AS bucket,
                       count(*) AS requests,
                       count(*) FILTER (WHERE outcome <> 'OK') AS errors,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_ms) AS p90,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY ttft_ms) AS ttft50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY ttft_ms) AS ttft90,
                       coalesce(sum(prompt_tokens), 0) AS prompt_tokens,
                       coalesce(sum(output_tokens), 0) AS output_tokens
                FROM collector.request_telemetry
                WHERE model = ? AND finished_at >= ? AND finished_at < ?
                GROUP BY bucket
                ORDER BY bucket
                """,
                (rs, i) ->
                        new SeriesPoint(
                                rs.getTimestamp("bucket").toInstant(),
                                rs.getLong("requests"),
                                rs.getLong("errors"),
                                nullableDouble(rs, "p50"),
                                nullableDouble(rs, "p90"),
                                nullableDouble(rs, "p99"),
                                nullableDouble(rs, "ttft50"),
                                nullableDouble(rs, "ttft90"),
                                rs.getLong("prompt_tokens"),
                                rs.getLong("output_tokens"),
                                null,
                                null,
                                null),
                (double) q.step().toSeconds(),
                Timestamp.from(q.from()),
                q.model(),
                Timestamp.from(q.from()),
                Timestamp.from(q.to()));
    }

    public int deleteFinishedBefore(Instant cutoff) {
        return jdbc.update(
                "DELETE FROM collector.request_telemetry WHERE finished_at < ?",
                Timestamp.from(cutoff));
    }

    private static RecordedRequest recorded(ResultSet rs, int row) throws SQLException {
        return new RecordedRequest(
                rs.getString("event_id"),
                rs.getString("model"),
                rs.getString("replica_id"),
                rs.getString("gateway_id"),
                rs.getInt("status"),
                rs.getString("outcome"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(),
                rs.getDouble("latency_ms"),
                nullableDouble(rs, "ttft_ms"),
                (Integer) rs.getObject("prompt_tokens"),
                (Integer) rs.getObject("output_tokens"),
                rs.getString("policy"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
