package io.inferscale.fleetsim;

import java.util.List;

/**
 * Samples how evenly the ready replicas are loaded, on the simulator's fixed 1 s virtual-time grid,
 * and averages the samples over time:
 *
 * <ul>
 *   <li>{@code lb_efficiency}: mean replica utilisation / max replica utilisation, with utilisation
 *       = busy batch slots / capacity (requests running / {@code maxBatch}); 1 is perfect balance.
 *       Samples where no replica is busy carry no information and are skipped.
 *   <li>{@code imbalance_cv}: coefficient of variation (population standard deviation / mean) of
 *       the requests in flight per replica as the gateway counts them (running + queued); 0 is
 *       perfect balance. Samples with nothing in flight are skipped.
 * </ul>
 *
 * With no sample at all (an idle run) the result is 1 and 0.
 */
final class BalanceSampler {

    private double efficiencySum;
    private long efficiencySamples;
    private double cvSum;
    private long cvSamples;

    void sample(List<SimReplica> ready) {
        int n = ready.size();
        if (n == 0) {
            return;
        }
        double utilSum = 0;
        double utilMax = 0;
        double inFlightSum = 0;
        double inFlightSquares = 0;
        for (int i = 0; i < n; i++) {
            SimReplica r = ready.get(i);
            double util = r.model.running() / (double) r.model.config().maxBatch();
            utilSum += util;
            utilMax = Math.max(utilMax, util);
            double inFlight = r.load.inFlight();
            inFlightSum += inFlight;
            inFlightSquares += inFlight * inFlight;
        }
        if (utilMax > 0) {
            efficiencySum += utilSum / n / utilMax;
            efficiencySamples++;
        }
        if (inFlightSum > 0) {
            double mean = inFlightSum / n;
            double variance = Math.max(0, inFlightSquares / n - mean * mean);
            cvSum += Math.sqrt(variance) / mean;
            cvSamples++;
        }
    }

    double lbEfficiency() {
        return efficiencySamples == 0 ? 1.0 : efficiencySum / efficiencySamples;
    }

    double imbalanceCv() {
        return cvSamples == 0 ? 0.0 : cvSum / cvSamples;
    }
}
