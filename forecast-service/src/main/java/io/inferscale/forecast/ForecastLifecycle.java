package io.inferscale.forecast;

import io.inferscale.forecast.adapter.jdbc.TrainingRunRepository;
import io.inferscale.forecast.serving.ForecastPublisher;
import io.inferscale.forecast.training.TrainingQueue;
import io.inferscale.forecast.training.VersionRestorer;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up order: rounds left unfinished by the last process are marked failed -> the serving
 * versions are restored (on the training thread) -> then the serving loop publishes every step and
 * the training schedule is checked every {@code check-every}, both on their own thread.
 */
@Component
public class ForecastLifecycle implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ForecastLifecycle.class);

    private final ScheduledExecutorService ticks =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "forecast-serving");
                        t.setDaemon(true);
                        return t;
                    });
    private final TrainingRunRepository runs;
    private final VersionRestorer restorer;
    private final TrainingQueue queue;
    private final ForecastPublisher publisher;
    private final ServingProperties serving;
    private final TrainingProperties training;
    private final Clock clock;
    private final AtomicBoolean firstCheck = new AtomicBoolean(true);

    public ForecastLifecycle(
            TrainingRunRepository runs,
            VersionRestorer restorer,
            TrainingQueue queue,
            ForecastPublisher publisher,
            ServingProperties serving,
            TrainingProperties training,
            Clock clock) {
        this.runs = runs;
        this.restorer = restorer;
        this.queue = queue;
        this.publisher = publisher;
        this.serving = serving;
        this.training = training;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        int interrupted = runs.failUnfinished(clock.instant());
        if (interrupted > 0) {
            log.warn("{} training rounds were interrupted by the last shutdown", interrupted);
        }
        queue.submit(
                () -> {
                    try {
                        restorer.restoreAll();
                    } catch (RuntimeException e) {
                        // Models without a restored version are served untrained, and trained.
                        log.warn("restoring the serving versions failed: {}", e.toString());
                    } finally {
                        startLoops();
                    }
                });
    }

    private void startLoops() {
        if (serving.enabled()) {
            ticks.scheduleAtFixedRate(
                    guarded("publishing", publisher::publishAll),
                    0,
                    serving.publishEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (training.enabled()) {
            ticks.scheduleWithFixedDelay(
                    guarded(
                            "the training check",
                            () ->
                                    queue.checkDue(
                                            firstCheck.getAndSet(false) ? "STARTUP" : "SCHEDULE")),
                    0,
                    training.checkEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A scheduled task that throws is never run again: log and carry on instead. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public void destroy() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
    }
}
