package io.inferscale.core.scaling;

/** Total requests in flight per virtual second, for scripted scenarios. */
@FunctionalInterface
interface Workload {
    double inFlight(long second);

    static Workload steady(double inFlight) {
        return second -> inFlight;
    }

    /** This workload before {@code atSecond}, {@code inFlight} from then on. */
    default Workload then(long atSecond, double inFlight) {
        return second -> second < atSecond ? inFlight(second) : inFlight;
    }
}
