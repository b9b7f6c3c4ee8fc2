package io.inferscale.fleetsim;

import io.inferscale.core.routing.RoutingPolicies;
import io.inferscale.core.scaling.AutoscalerSettings;
import io.inferscale.core.scaling.Autoscalers;
import io.inferscale.core.scaling.ReplicaAutoscaler;
import io.inferscale.core.trace.TraceReaders;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Runs every lb x autoscaler combination on the same arrivals: each run re-opens the trace with the
 * same options and seed, so all runs replay identical requests. Runs are independent and go in
 * parallel, one per thread.
 */
final class Benchmark {

    private Benchmark() {}

    static BenchReport run(BenchArgs args) {
        SimSettings settings = args.settings();
        AutoscalerSettings scaling =
                ScalingDefaults.forFleet(settings.replica(), settings.initialSpeeds().size());
        if (args.hpaStep() != null) {
            scaling = ScalingDefaults.withHpaStep(scaling, args.hpaStep());
        }
        AutoscalerSettings shared = scaling;
        List<Callable<RunResult>> jobs = new ArrayList<>();
        boolean predictive = args.autoscalers().contains(PredictiveAutoscaler.NAME);
        Instant traceStart =
                predictive ? TraceReaders.traceStart(args.trace(), args.format()) : Instant.EPOCH;
        ForecastHistory history = predictive ? history(args, traceStart) : null;
        for (String lb : args.lbs()) {
            for (String autoscaler : args.autoscalers()) {
                jobs.add(
                        () ->
                                runOne(
                                        args,
                                        settings,
                                        lb,
                                        autoscaler(
                                                autoscaler,
                                                args,
                                                settings,
                                                shared,
                                                traceStart,
                                                history)));
            }
        }
        int threads = Math.min(args.threads(), jobs.size());
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "fleet-sim-run");
                            t.setDaemon(true);
                            return t;
                        });
        long started = System.nanoTime();
        List<RunResult> runs = new ArrayList<>();
        DoubleAdder cpuSeconds = new DoubleAdder();
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Callable<RunResult> job : jobs) {
                futures.add(pool.submit(() -> timedOnCpu(job, cpuSeconds)));
            }
            for (Future<RunResult> f : futures) {
                runs.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        long simulated = runs.stream().mapToLong(RunResult::requests).sum();
        return new BenchReport(
                args.trace().toString(),
                simulated / Math.max(wall, 1e-9),
                wall,
                cpuSeconds.sum(),
                threads,
                runs);
    }

    /** Runs the job and adds the CPU time its thread spent on it. */
    private static RunResult timedOnCpu(Callable<RunResult> job, DoubleAdder cpuSeconds)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        try {
            return job.call();
        } finally {
            cpuSeconds.add((threads.getCurrentThreadCpuTime() - before) / 1e9);
        }
    }

    private static ReplicaAutoscaler autoscaler(
            String name,
            BenchArgs args,
            SimSettings settings,
            AutoscalerSettings scaling,
            Instant traceStart,
            ForecastHistory history) {
        if (name.equals(PredictiveAutoscaler.NAME)) {
            return PredictiveSetup.create(args, settings, scaling, traceStart, history);
        }
        return Autoscalers.create(name, scaling);
    }

    /** The --forecast-history minutes before the replay window, read once for every run. */
    private static ForecastHistory history(BenchArgs args, Instant traceStart) {
        if (args.forecastHistory() == null) {
            return null;
        }
        Duration from = args.traceOptions().from();
        Instant replayStart = from == null ? traceStart : traceStart.plus(from);
        try {
            return ForecastHistory.load(
                    args.forecastHistory(), args.traceOptions().scale(), traceStart, replayStart);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--forecast-history: " + e.getMessage(), e);
        }
    }

    static RunResult runOne(
            BenchArgs args, SimSettings settings, String lb, ReplicaAutoscaler autoscaler) {
        try (ArrivalCursor arrivals =
                new ArrivalCursor(
                        () -> TraceReaders.open(args.trace(), args.format(), args.traceOptions()),
                        args.repeat())) {
            return new FleetSimulation(
                            settings, lb, RoutingPolicies.create(lb), autoscaler, arrivals)
                    .run();
        }
    }
}
