package io.inferscale.collector.window;

import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted input for the window engine: records arriving at given times and idle clock ticks, all
 * in seconds after {@link #T0}. The engine has no clock of its own, so the script is the fake
 * clock.
 */
final class WindowFeed {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    sealed interface Step permits Arrive, Tick {}

    /** A record that reaches the input at {@code atS}. */
    record Arrive(double atS, RequestTelemetry record) implements Step {
        @Override
        public String toString() {
            return record.model()
                    + "["
                    + (record.startedAt().toEpochMilli() - T0.toEpochMilli()) / 1000.0
                    + ","
                    + (record.meta().eventTime().toEpochMilli() - T0.toEpochMilli()) / 1000.0
                    + ")@"
                    + atS;
        }
    }

    /** The input is idle and the clock reads {@code atS}. */
    record Tick(double atS) implements Step {}

    private WindowFeed() {}

    static long millis(double seconds) {
        return T0.toEpochMilli() + Math.round(seconds * 1000);
    }

    static Instant at(double seconds) {
        return Instant.ofEpochMilli(millis(seconds));
    }

    static Tick tick(double atS) {
        return new Tick(atS);
    }

    /** A successful request of {@code model} that ran over [startS, endS) and arrived at endS. */
    static Arrive ok(String model, double startS, double endS) {
        return arrive(endS, request(model, "r1", startS, endS, RequestOutcome.OK, null));
    }

    static Arrive arrive(double atS, RequestTelemetry record) {
        return new Arrive(atS, record);
    }

    static RequestTelemetry request(
            String model,
            String replica,
            double startS,
            double endS,
            RequestOutcome outcome,
            Double ttftMs) {
        double latencyMs = (endS - startS) * 1000;
        return new RequestTelemetry(
                EventMeta.at(1, "test", at(endS)),
                model,
                replica,
                "gw-1",
                "/v1/completions",
                outcome == RequestOutcome.OK ? 200 : 503,
                outcome,
                at(startS),
                latencyMs,
                ttftMs,
                100,
                20,
                null,
                ttftMs != null,
                1,
                "p2c");
    }

    static RequestTelemetry withLatency(RequestTelemetry t, double latencyMs) {
        return new RequestTelemetry(
                t.meta(),
                t.model(),
                t.replicaId(),
                t.gatewayId(),
                t.path(),
                t.status(),
                t.outcome(),
                t.startedAt(),
                latencyMs,
                t.ttftMs(),
                t.promptTokens(),
                t.outputTokens(),
                t.queueMs(),
                t.streamed(),
                t.attempts(),
                t.policy());
    }

    /** Runs the script and returns every window it closed, in emission order. */
    static List<ClosedWindow> run(DemandWindows engine, List<? extends Step> steps) {
        List<ClosedWindow> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Arrive a) {
                engine.add(a.record(), millis(a.atS()));
            } else if (step instanceof Tick t) {
                engine.advanceTo(millis(t.atS()));
            }
            out.addAll(engine.drainClosed());
        }
        return out;
    }
}
