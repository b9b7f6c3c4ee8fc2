package io.inferscale.fleetsim;

import java.util.List;

/**
 * Every run of one benchmark invocation, in lb-major order.
 *
 * @param simRequestsPerSecond simulated requests of all runs per wall-clock second of the whole
 *     (parallel) replay phase
 * @param wallSeconds wall-clock time of that phase
 */
record BenchReport(
        String trace,
        double simRequestsPerSecond,
        double wallSeconds,
        int threads,
        List<RunResult> runs) {}
