package io.inferscale.collector.adapter.rollup;

import io.inferscale.collector.domain.SeriesPoint;
import io.inferscale.collector.domain.SeriesQuery;
import io.inferscale.collector.domain.rollup.RollupResolution;
import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.ReplicaWindow;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.contracts.Quantiles;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Minute rollups per model and per replica ({@code collector.model_rollup_1m}, {@code
 * collector.replica_rollup_1m}).
 *
 * <p>Coarser buckets are merged from minutes: counts add up; p50 and p90 are the
 * completion-weighted means of the minutes' quantiles and p99 the worst minute's, which is exact at
 * a one-minute step and an estimate above it (true quantiles would need the histograms, 100 times
 * the storage).
 */
@Repository
public class RollupRepository {
    private static final String UPSERT_MODEL =
            """
            INSERT INTO collector.model_rollup_1m (model, minute, arrivals, completions, errors, prompt_tokens,
                output_tokens, latency_p50_ms, latency_p90_ms, latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms,
                ttft_samples, in_flight, late_records)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (model, minute) DO UPDATE SET
                arrivals = excluded.arrivals, completions = excluded.completions, errors = excluded.errors,
                prompt_tokens = excluded.prompt_tokens, output_tokens = excluded.output_tokens,
                latency_p50_ms = excluded.latency_p50_ms, latency_p90_ms = excluded.latency_p90_ms,
                latency_p99_ms = excluded.latency_p99_ms, ttft_p50_ms = excluded.ttft_p50_ms,
                ttft_p90_ms = excluded.ttft_p90_ms, ttft_p99_ms = excluded.ttft_p99_ms,
                ttft_samples = excluded.ttft_samples, in_flight = excluded.in_flight,
                late_records = excluded.late_records, updated_at = now()
            """;
    private static final String UPSERT_REPLICA =
            """
            INSERT INTO collector.replica_rollup_1m (model, replica_id, minute, arrivals, completions, errors,
                prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms, latency_p99_ms, ttft_p50_ms,
                ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (model, replica_id, minute) DO UPDATE SET
                arrivals = excluded.arrivals, completions = excluded.completions, errors = excluded.errors,
                prompt_tokens = excluded.prompt_tokens, output_tokens = excluded.output_tokens,
                latency_p50_ms = excluded.latency_p50_ms, latency_p90_ms = excluded.latency_p90_ms,
                latency_p99_ms = excluded.latency_p99_ms, ttft_p50_ms = excluded.ttft_p50_ms,
                ttft_p90_ms = excluded.ttft_p90_ms, ttft_p99_ms = excluded.ttft_p99_ms,
                ttft_samples = excluded.ttft_samples, in_flight = excluded.in_flight, updated_at = now()
            """;

    /**
     * Buckets aligned to the query's {@code from}; rows that do not exist are absent. A null
     * quantile comes with a zero weight (no completions, no TTFT samples), so plain sums weight
     * correctly without FILTER clauses, which cost a third of the query time.
     */
    private static final String SERIES =
            """
            SELECT date_bin(make_interval(secs => ?), %1$s, ?) AS bucket,
                   sum(completions) AS requests,
                   sum(errors) AS errors,
                   sum(arrivals) AS arrivals,
                   sum(latency_p50_ms::float8 * completions) / nullif(sum(completions), 0) AS p50,
                   sum(latency_p90_ms::float8 * completions) / nullif(sum(completions), 0) AS p90,
                   max(latency_p99_ms)::float8 AS p99,
                   sum(ttft_p50_ms::float8 * ttft_samples) / nullif(sum(ttft_samples), 0) AS ttft50,
                   sum(ttft_p90_ms::float8 * ttft_samples) / nullif(sum(ttft_samples), 0) AS ttft90,
                   sum(prompt_tokens) AS prompt_tokens,
                   sum(output_tokens) AS output_tokens,
                   sum(in_flight::float8) * %2$d / ? AS in_flight,
                   %3$s AS late_records
            FROM collector.%4$s
            WHERE %5$s AND %1$s >= ? AND %1$s < ?
            GROUP BY bucket
            ORDER BY bucket
            """;

    /**
     * Recomputes the hour rows of the given models and hours from their minute rows, with the merge
     * {@link #SERIES} applies, so reading hours or minutes gives the same answer.
     */
    private static final String DERIVE_HOURS =
            """
            INSERT INTO collector.%1$s_rollup_1h (model, %2$s hour, arrivals, completions, errors, prompt_tokens,
                output_tokens, latency_p50_ms, latency_p90_ms, latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms,
                ttft_samples, in_flight %3$s)
            SELECT model, %2$s date_bin(interval '1 hour', minute, timestamptz '2000-01-01Z') AS hour,
                   sum(arrivals), sum(completions), sum(errors), sum(prompt_tokens), sum(output_tokens),
                   sum(latency_p50_ms::float8 * completions) / nullif(sum(completions), 0),
                   sum(latency_p90_ms::float8 * completions) / nullif(sum(completions), 0),
                   max(latency_p99_ms),
                   sum(ttft_p50_ms::float8 * ttft_samples) / nullif(sum(ttft_samples), 0),
                   sum(ttft_p90_ms::float8 * ttft_samples) / nullif(sum(ttft_samples), 0),
                   max(ttft_p99_ms),
                   sum(ttft_samples), sum(in_flight::float8) / 60 %4$s
            FROM collector.%1$s_rollup_1m
            WHERE model = ANY(?) AND minute >= ? AND minute < ?
            GROUP BY model, %2$s hour
            ON CONFLICT (model, %2$s hour) DO UPDATE SET
                arrivals = excluded.arrivals, completions = excluded.completions, errors = excluded.errors,
                prompt_tokens = excluded.prompt_tokens, output_tokens = excluded.output_tokens,
                latency_p50_ms = excluded.latency_p50_ms, latency_p90_ms = excluded.latency_p90_ms,
                latency_p99_ms = excluded.latency_p99_ms, ttft_p50_ms = excluded.ttft_p50_ms,
                ttft_p90_ms = excluded.ttft_p90_ms, ttft_p99_ms = excluded.ttft_p99_ms,
                ttft_samples = excluded.ttft_samples, in_flight = excluded.in_flight, updated_at = now() %5$s
            """;

    private static final String DERIVE_MODEL_HOURS =
            DERIVE_HOURS.formatted(
                    "model",
                    "",
                    ", late_records",
                    ", sum(late_records)",
                    ", late_records = excluded.late_records");
    private static final String DERIVE_REPLICA_HOURS =
            DERIVE_HOURS.formatted("replica", "replica_id,", "", "", "");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public RollupRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Upserts minute windows and their per-replica split, in one transaction. */
    public void upsert(List<ClosedWindow> minutes) {
        List<Object[]> replicas = new ArrayList<>();
        for (ClosedWindow w : minutes) {
            for (ReplicaWindow r : w.replicas()) {
                replicas.add(new Object[] {w, r});
            }
        }
        tx.executeWithoutResult(
                status -> {
                    jdbc.batchUpdate(
                            UPSERT_MODEL,
                            minutes,
                            500,
                            (ps, w) -> {
                                ps.setString(1, w.model());
                                ps.setTimestamp(2, Timestamp.from(w.start()));
                                int next = setTotals(ps, 3, w.totals());
                                ps.setLong(next, w.totals().lateRecords());
                            });
                    jdbc.batchUpdate(
                            UPSERT_REPLICA,
                            replicas,
                            500,
                            (ps, pair) -> {
                                ClosedWindow w = (ClosedWindow) pair[0];
                                ReplicaWindow r = (ReplicaWindow) pair[1];
                                ps.setString(1, w.model());
                                ps.setString(2, r.replicaId());
                                ps.setTimestamp(3, Timestamp.from(w.start()));
                                setTotals(ps, 4, r.totals());
                            });
                    deriveHours(minutes);
                });
    }

    private void deriveHours(List<ClosedWindow> minutes) {
        long hour = RollupResolution.HOUR.rowLength().toMillis();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (ClosedWindow w : minutes) {
            long h = Math.floorDiv(w.start().toEpochMilli(), hour) * hour;
            from = Math.min(from, h);
            to = Math.max(to, h + hour);
        }
        rederiveHours(
                minutes.stream().map(ClosedWindow::model).distinct().toList(),
                Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to));
    }

    /**
     * Recomputes the hour rows of these models over [from, to) (whole hours) from their minute
     * rows; the collector calls it for every minute it writes, an operator after editing minutes.
     */
    public void rederiveHours(List<String> models, Instant from, Instant to) {
        String[] names = models.toArray(String[]::new);
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        for (String sql : List.of(DERIVE_MODEL_HOURS, DERIVE_REPLICA_HOURS)) {
            jdbc.update(
                    sql,
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("text", names));
                        ps.setTimestamp(2, start);
                        ps.setTimestamp(3, end);
                    });
        }
    }

    /** {@code q} must be aligned to the resolution's rows ({@link RollupResolution#align}). */
    public List<SeriesPoint> modelSeries(RollupResolution resolution, SeriesQuery q) {
        return query(series(resolution, "model", "sum(late_records)", "model = ?"), q, q.model());
    }

    public List<SeriesPoint> replicaSeries(
            RollupResolution resolution, SeriesQuery q, String replicaId) {
        return query(
                series(resolution, "replica", "NULL::bigint", "model = ? AND replica_id = ?"),
                q,
                q.model(),
                replicaId);
    }

    public int deleteBefore(Instant cutoff) {
        Timestamp t = Timestamp.from(cutoff);
        int deleted = 0;
        for (String owner : List.of("model", "replica")) {
            deleted +=
                    jdbc.update(
                            "DELETE FROM collector." + owner + "_rollup_1m WHERE minute < ?", t);
            deleted +=
                    jdbc.update("DELETE FROM collector." + owner + "_rollup_1h WHERE hour < ?", t);
        }
        return deleted;
    }

    private static String series(
            RollupResolution resolution, String owner, String late, String filter) {
        boolean hours = resolution == RollupResolution.HOUR;
        return SERIES.formatted(
                hours ? "hour" : "minute",
                resolution.rowLength().toSeconds(),
                late,
                owner + (hours ? "_rollup_1h" : "_rollup_1m"),
                filter);
    }

    private List<SeriesPoint> query(String sql, SeriesQuery q, Object... keys) {
        List<Object> args = new ArrayList<>();
        args.add((double) q.step().toSeconds());
        args.add(Timestamp.from(q.from()));
        args.add((double) q.step().toSeconds());
        args.addAll(List.of(keys));
        args.add(Timestamp.from(q.from()));
        args.add(Timestamp.from(q.to()));
        return tx.execute(
                status -> {
                    // 30 days of minutes are 43,200 rows to group; keep that sort out of temp
                    // files.
                    jdbc.execute("SET LOCAL work_mem = '16MB'");
                    return jdbc.query(sql, RollupRepository::point, args.toArray());
                });
    }

    private static int setTotals(PreparedStatement ps, int i, WindowTotals t) throws SQLException {
        ps.setLong(i++, t.arrivals());
        ps.setLong(i++, t.completions());
        ps.setLong(i++, t.errors());
        ps.setLong(i++, t.promptTokens());
        ps.setLong(i++, t.outputTokens());
        i = setQuantiles(ps, i, t.latencyMs());
        i = setQuantiles(ps, i, t.ttftMs());
        ps.setLong(i++, t.ttftSamples());
        ps.setDouble(i++, t.inFlight());
        return i;
    }

    private static int setQuantiles(PreparedStatement ps, int i, Quantiles q) throws SQLException {
        if (q == null) {
            ps.setNull(i++, Types.REAL);
            ps.setNull(i++, Types.REAL);
            ps.setNull(i++, Types.REAL);
        } else {
            ps.setDouble(i++, q.p50());
            ps.setDouble(i++, q.p90());
            ps.setDouble(i++, q.p99());
        }
        return i;
    }

    private static SeriesPoint point(ResultSet rs, int row) throws SQLException {
        return new SeriesPoint(
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
                rs.getLong("arrivals"),
                rs.getDouble("in_flight"),
                nullableLong(rs, "late_records"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
