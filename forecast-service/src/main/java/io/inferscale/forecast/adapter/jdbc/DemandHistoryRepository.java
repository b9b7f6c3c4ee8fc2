package io.inferscale.forecast.adapter.jdbc;

import io.inferscale.contracts.DemandWindow;
import io.inferscale.forecast.domain.DemandPoint;
import io.inferscale.forecast.domain.ModelHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class DemandHistoryRepository {
    private final JdbcTemplate jdbc;

    public DemandHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertAll(List<DemandWindow> windows) {
        jdbc.batchUpdate(
                """
                INSERT INTO forecast.demand_history (model, window_seconds, window_start, arrivals, completions,
                    errors, prompt_tokens, output_tokens, in_flight, late_records, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (model, window_seconds, window_start) DO UPDATE SET
                    arrivals = excluded.arrivals, completions = excluded.completions, errors = excluded.errors,
                    prompt_tokens = excluded.prompt_tokens, output_tokens = excluded.output_tokens,
                    in_flight = excluded.in_flight, late_records = excluded.late_records,
                    event_id = excluded.event_id, received_at = now()
                """,
                windows,
                500,
                (ps, w) -> {
                    ps.setString(1, w.model());
                    ps.setInt(2, w.windowSeconds());
                    ps.setTimestamp(3, Timestamp.from(w.windowStart()));
                    ps.setLong(4, w.arrivals());
                    ps.setLong(5, w.completions());
                    ps.setLong(6, w.errors());
                    ps.setLong(7, w.promptTokens());
                    ps.setLong(8, w.outputTokens());
                    ps.setDouble(9, w.inFlight());
                    ps.setLong(10, w.lateRecords());
                    ps.setObject(11, UUID.fromString(w.meta().eventId()));
                });
    }

    public List<DemandPoint> range(String model, int windowSeconds, Instant from, Instant to) {
        return jdbc.query(
                """
                SELECT window_start, window_seconds, arrivals, errors, prompt_tokens, output_tokens
                FROM forecast.demand_history
                WHERE model = ? AND window_seconds = ? AND window_start >= ? AND window_start < ?
                ORDER BY window_start
                """,
                (rs, i) ->
                        new DemandPoint(
                                rs.getTimestamp(1).toInstant(),
                                rs.getInt(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6)),
                model,
                windowSeconds,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /**
     * Per model with windows of this length: how many there are and the first and last window
     * start. What the serving loop and the training schedule need to know about each model.
     */
    public List<ModelHistory> summaries(int windowSeconds) {
        return jdbc.query(
                """
                SELECT model, count(*), min(window_start), max(window_start)
                FROM forecast.demand_history WHERE window_seconds = ? GROUP BY model ORDER BY model
                """,
                (rs, i) ->
                        new ModelHistory(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant().plusSeconds(windowSeconds)),
                windowSeconds);
    }

    public Optional<ModelHistory> summary(String model, int windowSeconds) {
        return jdbc
                .query(
                        """
                        SELECT model, count(*), min(window_start), max(window_start)
                        FROM forecast.demand_history WHERE model = ? AND window_seconds = ?
                        GROUP BY model
                        """,
                        (rs, i) ->
                                new ModelHistory(
                                        rs.getString(1),
                                        rs.getLong(2),
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getTimestamp(4).toInstant().plusSeconds(windowSeconds)),
                        model,
                        windowSeconds)
                .stream()
                .findFirst();
    }

    public int deleteBefore(Instant cutoff) {
        return jdbc.update(
                "DELETE FROM forecast.demand_history WHERE window_start < ?",
                Timestamp.from(cutoff));
    }
}
