package io.inferscale.collector.window;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of gateway telemetry in log order: requests of a few models and replicas with
 * durations from milliseconds to a minute, appended when they finish plus a small publishing delay,
 * so arrival order differs from event order the way it does on a real topic.
 */
final class SyntheticLog {
    /** One record with the time it reached the log. */
    record Entry(long arrivalMillis, RequestTelemetry record) {}

    private SyntheticLog() {}

    static List<Entry> generate(
            long seed, Instant from, int seconds, int perSecond, int models, double maxDurationS) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Entry> log = new ArrayList<>(seconds * perSecond);
        long t0 = from.toEpochMilli();
        for (int i = 0; i < seconds * perSecond; i++) {
            long end = t0 + (long) i * 1000 / perSecond;
            long durationMs = (long) (Math.pow(rnd.nextDouble(), 3) * maxDurationS * 1000);
            String model = "model-" + rnd.nextInt(models);
            RequestOutcome outcome =
                    rnd.nextDouble() < 0.05 ? RequestOutcome.UPSTREAM_ERROR : RequestOutcome.OK;
            RequestTelemetry t =
                    new RequestTelemetry(
                            EventMeta.at(1, "gw", Instant.ofEpochMilli(end)),
                            model,
                            model + "-r" + rnd.nextInt(4),
                            "gw-" + rnd.nextInt(2),
                            "/v1/completions",
                            outcome == RequestOutcome.OK ? 200 : 502,
                            outcome,
                            Instant.ofEpochMilli(end - durationMs),
                            durationMs,
                            rnd.nextDouble() < 0.8 ? durationMs * 0.1 : null,
                            rnd.nextInt(2000),
                            rnd.nextInt(500),
                            null,
                            true,
                            1,
                            "p2c");
            log.add(new Entry(end + rnd.nextInt(300), t));
        }
        log.sort(Comparator.comparingLong(Entry::arrivalMillis));
        return log;
    }
}
