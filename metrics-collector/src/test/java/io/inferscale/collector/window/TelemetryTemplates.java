package io.inferscale.collector.window;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Gateway telemetry as the benchmark's producer sends it: encoded once by the contract codec with
 * placeholder times, then stamped with the current time per send by overwriting the two fixed-width
 * timestamps, so the producer's CPU goes to Kafka, not to JSON, on the two cores it shares with the
 * collector and the broker.
 */
final class TelemetryTemplates {
    private static final Instant PLACEHOLDER_END = Instant.parse("2000-01-01T00:00:01.111Z");
    private static final String END = "2000-01-01T00:00:01.111Z";
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final byte[][] templates;
    private final int[] endAt;
    private final int[] startAt;
    private final long[] latencyMs;
    private final String[] models;
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] cachedSecondText;

    TelemetryTemplates(int count, String[] modelNames, long seed) {
        EventCodec codec = new EventCodec();
        SplittableRandom rnd = new SplittableRandom(seed);
        templates = new byte[count][];
        endAt = new int[count];
        startAt = new int[count];
        latencyMs = new long[count];
        models = new String[count];
        for (int i = 0; i < count; i++) {
            String model = modelNames[rnd.nextInt(modelNames.length)];
            long latency = 100 + (long) (Math.pow(rnd.nextDouble(), 2) * 8000);
            boolean ok = rnd.nextInt(100) != 0;
            // startedAt = end - latency; its placeholder must also be fixed-width with millis.
            Instant start = Instant.parse("2000-01-01T00:00:00.222Z");
            RequestTelemetry t =
                    new RequestTelemetry(
                            EventMeta.at(
                                    RequestTelemetry.SCHEMA_VERSION,
                                    "api-gateway@bench:8080",
                                    PLACEHOLDER_END),
                            model,
                            model + "-" + rnd.nextInt(8),
                            "gw-" + rnd.nextInt(3),
                            "/v1/chat/completions",
                            ok ? 200 : 502,
                            ok ? RequestOutcome.OK : RequestOutcome.UPSTREAM_ERROR,
                            start,
                            latency,
                            latency * 0.12,
                            rnd.nextInt(4000),
                            rnd.nextInt(800),
                            rnd.nextDouble() * 20,
                            true,
                            1,
                            "p2c");
            String json = codec.encodeToString(t);
            templates[i] = json.getBytes(StandardCharsets.US_ASCII);
            endAt[i] = json.indexOf(END);
            startAt[i] = json.indexOf("2000-01-01T00:00:00.222Z");
            latencyMs[i] = latency;
            models[i] = model;
        }
    }

    int size() {
        return templates.length;
    }

    String model(int i) {
        return models[i];
    }

    /** Template {@code i} as a request that finished at {@code endMillis}. */
    byte[] stamp(int i, long endMillis) {
        byte[] out = templates[i].clone();
        write(out, endAt[i], endMillis);
        write(out, startAt[i], endMillis - latencyMs[i]);
        return out;
    }

    private void write(byte[] out, int at, long millis) {
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            cachedSecondText =
                    SECONDS.format(Instant.ofEpochSecond(second))
                            .getBytes(StandardCharsets.US_ASCII);
        }
        System.arraycopy(cachedSecondText, 0, out, at, 19);
        int ms = (int) Math.floorMod(millis, 1000);
        out[at + 20] = (byte) ('0' + ms / 100);
        out[at + 21] = (byte) ('0' + ms / 10 % 10);
        out[at + 22] = (byte) ('0' + ms % 10);
    }
}
