package io.inferscale.forecast.training;

import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.TrainingProperties;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.adapter.jdbc.TrainingRunRepository;
import io.inferscale.forecast.adapter.jdbc.TrainingRunRepository.RunHistory;
import io.inferscale.forecast.domain.FreshnessRule;
import io.inferscale.forecast.domain.ModelHistory;
import io.inferscale.forecast.domain.TrainingSchedule;
import io.inferscale.forecast.domain.TrainingSchedule.ModelState;
import io.inferscale.forecast.serving.ServingModels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Queues training rounds on one dedicated thread, apart from the serving loop: a round that trains
 * the DNN for a minute never delays a forecast. At most one round per model is queued or running.
 */
@Component
public class TrainingQueue implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TrainingQueue.class);

    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "forecast-training");
                        t.setDaemon(true);
                        return t;
                    });
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final TrainingRound round;
    private final TrainingRunRepository runs;
    private final DemandHistoryRepository history;
    private final ServingModels serving;
    private final TrainingSchedule schedule;
    private final Duration step;
    private final int stepSeconds;
    private final Clock clock;
    private final Counter checks;

    public TrainingQueue(
            TrainingRound round,
            TrainingRunRepository runs,
            DemandHistoryRepository history,
            ServingModels serving,
            TrainingProperties training,
            ServingProperties servingProperties,
            MeterRegistry meters,
            Clock clock) {
        this.round = round;
        this.runs = runs;
        this.history = history;
        this.serving = serving;
        this.schedule = training.schedule();
        this.step = servingProperties.step();
        this.stepSeconds = servingProperties.stepSeconds();
        this.clock = clock;
        this.checks = meters.counter("inferscale.forecast.training.checks");
    }

    /**
     * Queues a round for one model on an operator's request.
     *
     * @return the run id
     * @throws TrainingRequestRefused for a model without history, one already queued or running, or
     *     one with less history than a round needs
     */
    public long request(String model, String requestedBy) {
        ModelHistory h =
                history.summary(model, stepSeconds)
                        .orElseThrow(
                                () ->
                                        new TrainingRequestRefused(
                                                TrainingRequestRefused.Why.UNKNOWN_MODEL,
                                                "no demand history for model " + model));
        if (h.observed(step).compareTo(schedule.minHistory()) < 0) {
            throw new TrainingRequestRefused(
                    TrainingRequestRefused.Why.NOT_ENOUGH_HISTORY,
                    "model "
                            + model
                            + " has "
                            + FreshnessRule.human(h.observed(step))
                            + " of demand history; a round needs "
                            + FreshnessRule.human(schedule.minHistory()));
        }
        return enqueue(model, "OPERATOR", requestedBy)
                .orElseThrow(
                        () ->
                                new TrainingRequestRefused(
                                        TrainingRequestRefused.Why.IN_FLIGHT,
                                        "round "
                                                + inFlight.get(model)
                                                + " for model "
                                                + model
                                                + " is queued or running"));
    }

    /** Queues a round for every model the schedule says is due. */
    public void checkDue(String trigger) {
        Instant now = clock.instant();
        Map<String, RunHistory> past = runs.histories();
        for (ModelHistory h : history.summaries(stepSeconds)) {
            RunHistory r = past.get(h.model());
            ModelState state =
                    new ModelState(
                            h.observed(step),
                            inFlight.containsKey(h.model()),
                            serving.get(h.model()).isPresent(),
                            r == null ? null : r.lastAttempt(),
                            r != null && r.lastAttemptFailed(),
                            r == null ? null : r.lastSuccess());
            TrainingSchedule.Verdict verdict = schedule.due(state, now);
            if (verdict.due()) {
                log.info("training {}: {}", h.model(), verdict.reason());
                enqueue(h.model(), trigger, null);
            }
        }
        checks.increment();
    }

    /** Runs work (restoring versions at start-up) on the training thread, in queue order. */
    public Future<?> submit(Runnable work) {
        return executor.submit(work);
    }

    public boolean inFlight(String model) {
        return inFlight.containsKey(model);
    }

    private synchronized Optional<Long> enqueue(String model, String trigger, String requestedBy) {
        if (inFlight.containsKey(model)) {
            return Optional.empty();
        }
        long id = runs.queue(model, trigger, requestedBy, clock.instant());
        inFlight.put(model, id);
        executor.execute(
                () -> {
                    try {
                        round.run(id, model);
                    } finally {
                        inFlight.remove(model);
                    }
                });
        return Optional.of(id);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
