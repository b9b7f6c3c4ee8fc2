package io.inferscale.core.replica;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Drives a {@link ReplicaModel} through timed actions, as both drivers do, and logs its events as
 * readable lines.
 */
final class Scenario {

    /** Something done to the replica at a time in milliseconds. */
    record Action(double atMs, BiConsumer<ReplicaModel, Long> apply) {}

    private Scenario() {}

    static Action submit(double atMs, long id, int prompt, int output, long... hashes) {
        return new Action(
                atMs, (m, t) -> m.submit(new InferenceRequest(id, prompt, output, hashes), t));
    }

    static Action slowdown(double atMs, double factor) {
        return new Action(atMs, (m, t) -> m.setSlowdown(factor, t));
    }

    static Action errorRate(double atMs, double p) {
        return new Action(atMs, (m, t) -> m.setErrorRate(p));
    }

    static Action crash(double atMs) {
        return new Action(atMs, (m, t) -> m.crash(t));
    }

    static Action restart(double atMs) {
        return new Action(atMs, (m, t) -> m.restart(t));
    }

    /**
     * Runs the actions in order, those at one time as a group between two advances (so simultaneous
     * arrivals share a step), then to the end; returns lines like {@code "113.4 first #1"}.
     */
    static List<String> run(ReplicaModel model, List<Action> actions) {
        Log log = new Log();
        double groupAt = Double.NaN;
        for (Action a : actions) {
            long t = Math.round(a.atMs() * 1e6);
            if (a.atMs() != groupAt) {
                model.advanceTo(t, log);
                groupAt = a.atMs();
            }
            a.apply().accept(model, t);
        }
        model.advanceTo(Long.MAX_VALUE, log);
        return log.lines;
    }

    /** Records events; times in milliseconds without trailing zeros. */
    static final class Log implements ReplicaEvents {
        final List<String> lines = new ArrayList<>();

        @Override
        public void admitted(long requestId, long atNanos) {
            add(atNanos, "admit", requestId);
        }

        @Override
        public void firstToken(long requestId, long atNanos) {
            add(atNanos, "first", requestId);
        }

        @Override
        public void completed(long requestId, long atNanos, boolean error) {
            add(atNanos, error ? "error" : "done", requestId);
        }

        private void add(long atNanos, String kind, long id) {
            String ms = BigDecimal.valueOf(atNanos, 6).stripTrailingZeros().toPlainString();
            lines.add(ms + " " + kind + " #" + id);
        }
    }
}
