package io.inferscale.collector.rollup;

import com.zaxxer.hikari.HikariDataSource;
import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.collector.domain.SeriesPoint;
import io.inferscale.collector.domain.SeriesQuery;
import io.inferscale.collector.domain.rollup.RollupResolution;
import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.ReplicaWindow;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.contracts.Quantiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 30-day range query on minute rollups: fills {@code models} models x 30 days of minute rows in
 * the order the collector writes them (all models' rows of one minute together), then times the
 * production query ({@link RollupRepository#modelSeries}) for one model over 30 days at several
 * steps and prints the plan. Uses its own database, created if missing. Run:
 *
 * <pre>
 * mvn -B -q -o -pl metrics-collector test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp metrics-collector/target/test-classes:metrics-collector/target/classes:$(cat metrics-collector/target/bench.cp) \
 *     io.inferscale.collector.rollup.RollupQueryBenchmark models=50 days=30
 * </pre>
 */
public final class RollupQueryBenchmark {
    public static void main(String[] argv) throws Exception {
        ((ch.qos.logback.classic.Logger)
                        org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int models = Integer.parseInt(args.getOrDefault("models", "50"));
        int days = Integer.parseInt(args.getOrDefault("days", "30"));
        int reps = Integer.parseInt(args.getOrDefault("reps", "20"));
        String server = args.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/");
        String database = args.getOrDefault("database", "inferscale_bench");
        createDatabase(server, database);

        // Pooled as in the service (Hikari); a connection per query would add ~30 ms to each.
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server + database);
        ds.setUsername("inferscale");
        ds.setMaximumPoolSize(2);
        Flyway.configure().dataSource(ds).schemas("collector").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        RollupRepository rollups =
                new RollupRepository(
                        jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));

        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(days));
        fill(jdbc, rollups, models, start, end, args.containsKey("refill"));
        timeUpserts(rollups, end);

        String model = "bench-model-7";
        System.out.printf(
                "load average %.1f; one model = %,d minute rows of %,d in the table%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                jdbc.queryForObject(
                        "SELECT count(*) FROM collector.model_rollup_1m WHERE model = ?",
                        Long.class,
                        model),
                jdbc.queryForObject("SELECT count(*) FROM collector.model_rollup_1m", Long.class));
        String replica = "bench-model-1-r2";
        // A step of one hour once through the minute rows, to show what the hour rows save.
        time(
                rollups,
                model,
                null,
                start,
                end,
                Duration.ofMinutes(5),
                RollupResolution.MINUTE,
                days,
                reps);
        time(
                rollups,
                model,
                null,
                start,
                end,
                Duration.ofHours(1),
                RollupResolution.MINUTE,
                days,
                reps);
        for (Duration step :
                List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1))) {
            time(rollups, model, null, start, end, step, RollupResolution.HOUR, days, reps);
        }
        time(
                rollups,
                "bench-model-1",
                replica,
                start,
                end,
                Duration.ofMinutes(5),
                RollupResolution.MINUTE,
                days,
                reps);
        time(
                rollups,
                "bench-model-1",
                replica,
                start,
                end,
                Duration.ofHours(1),
                RollupResolution.HOUR,
                days,
                reps);
        System.out.println("plan (step 1 h):");
        jdbc.execute("SET work_mem = '16MB'");
        jdbc.queryForList(
                        """
                        EXPLAIN (ANALYZE, BUFFERS)
                        SELECT date_bin(interval '1 hour', minute, ?) AS bucket, sum(completions), sum(errors),
                               sum(latency_p50_ms::float8 * completions) / nullif(sum(completions), 0),
                               max(latency_p99_ms), sum(in_flight::float8) / 60
                        FROM collector.model_rollup_1m WHERE model = ? AND minute >= ? AND minute < ?
                        GROUP BY bucket ORDER BY bucket
                        """,
                        String.class,
                        java.sql.Timestamp.from(start),
                        model,
                        java.sql.Timestamp.from(start),
                        java.sql.Timestamp.from(end))
                .forEach(line -> System.out.println("  " + line));
    }

    private static void time(
            RollupRepository rollups,
            String model,
            String replica,
            Instant start,
            Instant end,
            Duration step,
            RollupResolution r,
            int days,
            int reps) {
        SeriesQuery q = r.align(new SeriesQuery(model, start, end, step));
        double[] ms = new double[reps];
        int points = 0;
        for (int i = -2; i < reps; i++) {
            long t0 = System.nanoTime();
            List<SeriesPoint> series =
                    replica == null
                            ? rollups.modelSeries(r, q)
                            : rollups.replicaSeries(r, q, replica);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            points = series.size();
        }
        Arrays.sort(ms);
        System.out.printf(
                "%-7s %d days, step %-5s from %-6s rows: %5d points; ms min %6.1f  p50 %6.1f  p95 %6.1f  max %6.1f%n",
                replica == null ? "model" : "replica",
                days,
                step,
                r.name().toLowerCase(),
                points,
                ms[0],
                ms[reps / 2],
                ms[(int) Math.ceil(reps * 0.95) - 1],
                ms[reps - 1]);
    }

    private static void createDatabase(String server, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(server + "postgres", "inferscale", "")) {
            boolean exists =
                    c.createStatement()
                            .executeQuery(
                                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
                            .next();
            if (!exists) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        }
    }

    /** Minute rows in write order, all models per minute, values varying like real traffic. */
    private static void fill(
            JdbcTemplate jdbc,
            RollupRepository rollups,
            int models,
            Instant start,
            Instant end,
            boolean refill) {
        long expected = (long) models * Duration.between(start, end).toMinutes();
        Long have =
                jdbc.queryForObject("SELECT count(*) FROM collector.model_rollup_1m", Long.class);
        if (!refill && have != null && have == expected) {
            System.out.printf("reusing %,d rollup rows%n", have);
            return;
        }
        long t0 = System.nanoTime();
        jdbc.execute(
                "TRUNCATE collector.model_rollup_1m, collector.replica_rollup_1m,"
                        + " collector.model_rollup_1h, collector.replica_rollup_1h");
        jdbc.update(
                """
                INSERT INTO collector.model_rollup_1m (model, minute, arrivals, completions, errors, prompt_tokens,
                    output_tokens, latency_p50_ms, latency_p90_ms, latency_p99_ms, ttft_p50_ms, ttft_p90_ms,
                    ttft_p99_ms, ttft_samples, in_flight, late_records)
                SELECT 'bench-model-' || m, t, a, a, a / 50, a * 1100, a * 210,
                       700 + 100 * random(), 1800 + 200 * random(), 4000 + 500 * random(),
                       90 + 10 * random(), 160 + 20 * random(), 400 + 50 * random(), a, a * 0.8 / 60.0, 0
                FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') t,
                     generate_series(0, ? - 1) m,
                     LATERAL (SELECT (300 + 200 * sin(extract(epoch FROM t) / 13751.0 + m))::int AS a) load
                ORDER BY t, m
                """,
                java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(end),
                models);
        jdbc.update(
                """
                INSERT INTO collector.replica_rollup_1m (model, replica_id, minute, arrivals, completions, errors,
                    prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms, latency_p99_ms, ttft_p50_ms,
                    ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight)
                SELECT model, model || '-r' || r, minute, arrivals / 4, completions / 4, errors / 4,
                       prompt_tokens / 4, output_tokens / 4, latency_p50_ms, latency_p90_ms, latency_p99_ms,
                       ttft_p50_ms, ttft_p90_ms, ttft_p99_ms, ttft_samples / 4, in_flight / 4
                FROM collector.model_rollup_1m, generate_series(0, 3) r
                WHERE model IN ('bench-model-0', 'bench-model-1')
                ORDER BY minute, model, r
                """);
        List<String> names = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            names.add("bench-model-" + m);
        }
        rollups.rederiveHours(names, start, end);
        jdbc.execute("VACUUM ANALYZE collector.model_rollup_1m");
        jdbc.execute("VACUUM ANALYZE collector.replica_rollup_1m");
        jdbc.execute("VACUUM ANALYZE collector.model_rollup_1h");
        jdbc.execute("VACUUM ANALYZE collector.replica_rollup_1h");
        System.out.printf(
                "filled %,d rows (%d models x %d days of minutes) in %.0f s%n",
                expected,
                models,
                Duration.between(start, end).toDays(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The write path the collector uses: one minute of 50 models with 8 replicas each. */
    private static void timeUpserts(RollupRepository rollups, Instant end) {
        Quantiles q = new Quantiles(700, 1800, 4000);
        WindowTotals totals = new WindowTotals(300, 300, 6, 330_000, 63_000, q, q, 300, 4.0, 0);
        List<ClosedWindow> minute = new ArrayList<>();
        for (int m = 0; m < 50; m++) {
            List<ReplicaWindow> replicas = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                replicas.add(new ReplicaWindow("bench-model-" + m + "-" + r, totals));
            }
            minute.add(
                    new ClosedWindow(
                            "bench-model-" + m, end.minusSeconds(60), 60, totals, replicas));
        }
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            rollups.upsert(minute);
            System.out.printf(
                    "upsert of one minute (50 model rows + 400 replica rows, hour rows re-derived): %.1f ms%n",
                    (System.nanoTime() - t0) / 1e6);
        }
    }
}
