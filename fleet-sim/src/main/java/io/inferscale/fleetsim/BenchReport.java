package io.inferscale.fleetsim;

import java.util.List;

/**
 * Every run of one benchmark invocation, in lb-major order.
 *
 * @param simRequestsPerSecond simulated requests of all runs per wall-clock second of the whole
 *     (parallel) replay phase
 * @param wallSeconds wall-clock time of that phase
 * @param runCpuSeconds CPU time of the run threads alone (trace reading and simulation; not the JIT
 *     or GC threads): on a shared machine the wall clock measures the neighbours too, this does not
 */
record BenchReport(
        String trace,
        double simRequestsPerSecond,
        double wallSeconds,
        double runCpuSeconds,
        int threads,
        List<RunResult> runs) {

    /** Simulated requests per CPU-second of the run threads. */
    double simRequestsPerCpuSecond() {
        long simulated = runs.stream().mapToLong(RunResult::requests).sum();
        return simulated / Math.max(runCpuSeconds, 1e-9);
    }
}
