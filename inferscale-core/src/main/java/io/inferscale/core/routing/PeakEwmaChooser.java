package io.inferscale.core.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Finagle/Linkerd "peak EWMA" balancing: power of two choices over the cost {@code peakEwma *
 * (inFlight + 1)}, so a replica that just answered slowly, or has many requests outstanding, is
 * avoided until fast responses bring its estimate down. The latency estimate is the gateway's own
 * ({@link ReplicaLoad#peakEwmaNanos()}).
 *
 * <p>A replica with no latency sample yet (just started) borrows the larger estimate of the pair,
 * so it competes on in-flight alone: a zero estimate would make it look free and draw every request
 * (Linkerd solves the same problem with a default RTT).
 */
public final class PeakEwmaChooser implements ReplicaChooser {

    /** Stand-in latency when neither candidate has a sample: any positive value ranks by load. */
    private static final double NO_SAMPLE_NANOS = 1.0;

    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        int n = ready.size();
        if (n == 1) {
            return ready.get(0);
        }
        int a = random.nextInt(n);
        int b = random.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        ReplicaLoad ra = ready.get(a);
        ReplicaLoad rb = ready.get(b);
        double ewmaA = ra.peakEwmaNanos();
        double ewmaB = rb.peakEwmaNanos();
        double fallback = Math.max(NO_SAMPLE_NANOS, Math.max(ewmaA, ewmaB));
        double costA = (ewmaA > 0 ? ewmaA : fallback) * (ra.inFlight() + 1);
        double costB = (ewmaB > 0 ? ewmaB : fallback) * (rb.inFlight() + 1);
        return costB < costA ? rb : ra;
    }
}
