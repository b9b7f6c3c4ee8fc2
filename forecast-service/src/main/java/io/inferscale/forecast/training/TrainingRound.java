package io.inferscale.forecast.training;

import io.inferscale.core.forecast.BacktestedModel;
import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.PromotionRule;
import io.inferscale.core.forecast.RollingOriginEvaluation;
import io.inferscale.core.forecast.ServingChoice;
import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.TrainingProperties;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.adapter.jdbc.RoundRecorder;
import io.inferscale.forecast.adapter.jdbc.RoundRecorder.Compared;
import io.inferscale.forecast.adapter.jdbc.RoundRecorder.Round;
import io.inferscale.forecast.adapter.jdbc.TrainingRunRepository;
import io.inferscale.forecast.dnn.DnnForecaster;
import io.inferscale.forecast.domain.BacktestSplit;
import io.inferscale.forecast.domain.ModelHistory;
import io.inferscale.forecast.domain.SeriesGrid;
import io.inferscale.forecast.serving.ServingModel;
import io.inferscale.forecast.serving.ServingModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One training round for one model, as named steps: load the history -> split off the backtest
 * window -> fit and backtest every forecaster (baselines, the DNN candidate, the serving version
 * frozen) -> choose with the promotion rule -> record -> swap what serves.
 */
@Component
public class TrainingRound {
    private static final Logger log = LoggerFactory.getLogger(TrainingRound.class);

    static final String BASELINE = "BASELINE";
    static final String CANDIDATE = "CANDIDATE";
    static final String CURRENT = "CURRENT";

    private final DemandHistoryRepository history;
    private final TrainingRunRepository runs;
    private final RoundRecorder recorder;
    private final ServingModels serving;
    private final Forecasters forecasters;
    private final TrainingProperties training;
    private final ServingProperties servingProperties;
    private final PromotionRule rule;
    private final Clock clock;

    public TrainingRound(
            DemandHistoryRepository history,
            TrainingRunRepository runs,
            RoundRecorder recorder,
            ServingModels serving,
            Forecasters forecasters,
            TrainingProperties training,
            ServingProperties servingProperties,
            Clock clock) {
        this.history = history;
        this.runs = runs;
        this.recorder = recorder;
        this.serving = serving;
        this.forecasters = forecasters;
        this.training = training;
        this.servingProperties = servingProperties;
        this.rule = training.promotionRule();
        this.clock = clock;
    }

    /** A forecaster the round fitted (or failed to) and its score. */
    private record Entry(
            String role,
            String forecaster,
            DemandForecaster instance,
            RollingOriginEvaluation.Score score,
            String error,
            Integer version,
            ServingModel current) {

        String key() {
            if (current != null) {
                return current.key();
            }
            return version != null ? forecaster + "@v" + version : forecaster + " (failed)";
        }

        BacktestedModel backtested() {
            return score == null
                    ? new BacktestedModel(key(), Double.NaN, Double.NaN)
                    : new BacktestedModel(key(), score.mase(), score.p90Coverage());
        }
    }

    /** Runs the round; a failure is recorded on the run, never thrown. */
    public void run(long runId, String model) {
        runs.markRunning(runId, clock.instant());
        List<Entry> entries = new ArrayList<>();
        try {
            ServingChoice choice = runSteps(runId, model, entries);
            log.info(
                    "training round {} for {}: {} - {}",
                    runId,
                    model,
                    choice.outcome(),
                    choice.reason());
        } catch (RuntimeException | LinkageError e) {
            log.warn("training round {} for {} failed", runId, model, e);
            runs.markFailed(runId, clock.instant(), String.valueOf(e.getMessage()));
        } finally {
            closeUnused(model, entries);
        }
    }

    private ServingChoice runSteps(long runId, String model, List<Entry> entries) {
        Duration step = servingProperties.step();
        DemandSeries series = load(model, step);
        BacktestSplit split = BacktestSplit.lastPart(series, training.backtestWindow());
        RollingOriginEvaluation evaluation =
                new RollingOriginEvaluation(
                        training.backtestHorizonSteps(), training.originEvery());

        int next = recorder.nextVersion(model);
        int[] origins = {0, 0};
        for (String name : forecasters.baselineNames()) {
            entries.add(
                    backtest(
                            evaluation,
                            split,
                            BASELINE,
                            name,
                            forecasters.baseline(name),
                            origins));
        }
        if (forecasters.dnnEnabled()) {
            entries.add(
                    backtest(
                            evaluation,
                            split,
                            CANDIDATE,
                            DnnForecaster.NAME,
                            () -> forecasters.dnn(model, runId),
                            origins));
        }
        Optional<ServingModel> current = serving.get(model);
        current.ifPresent(c -> entries.add(backtestCurrent(evaluation, split, c, origins)));
        List<Entry> numbered = new ArrayList<>();
        for (Entry e : entries) {
            numbered.add(
                    e.instance() != null && e.current() == null
                            ? new Entry(
                                    e.role(),
                                    e.forecaster(),
                                    e.instance(),
                                    e.score(),
                                    null,
                                    next++,
                                    null)
                            : e);
        }
        entries.clear();
        entries.addAll(numbered);

        ServingChoice choice =
                rule.choose(
                        current.map(c -> find(numbered, c.key()).backtested()).orElse(null),
                        backtested(numbered, CANDIDATE),
                        backtested(numbered, BASELINE));
        Instant finished = clock.instant();
        Long chosenId =
                recorder.record(
                        new Round(
                                runId,
                                model,
                                finished,
                                split.train().start(),
                                split.train().end(),
                                split.test().end(),
                                servingProperties.stepSeconds(),
                                training.backtestHorizonSteps(),
                                origins[0],
                                origins[1],
                                numbered.stream().map(e -> compared(e, choice)).toList(),
                                choice));
        if (chosenId != null && RoundRecorder.movesServing(choice.outcome())) {
            Entry chosen = find(numbered, choice.chosen());
            serving.put(
                    model,
                    new ServingModel(
                            chosenId,
                            chosen.version(),
                            chosen.forecaster(),
                            chosen.instance(),
                            finished));
        }
        return choice;
    }

    private DemandSeries load(String model, Duration step) {
        ModelHistory h =
                history.summary(model, servingProperties.stepSeconds())
                        .orElseThrow(
                                () -> new IllegalStateException("no demand history for " + model));
        Instant to = h.lastEnd();
        Instant from =
                h.firstStart().isAfter(to.minus(training.window()))
                        ? h.firstStart()
                        : to.minus(training.window());
        return SeriesGrid.arrivals(
                history.range(model, servingProperties.stepSeconds(), from, to), from, to, step);
    }

    private static Entry backtest(
            RollingOriginEvaluation evaluation,
            BacktestSplit split,
            String role,
            String name,
            Supplier<? extends DemandForecaster> factory,
            int[] origins) {
        DemandForecaster f = null;
        try {
            f = factory.get();
            RollingOriginEvaluation.Report report =
                    evaluation.run(split.train(), split.test(), List.of(f));
            origins[0] = report.origins();
            origins[1] = report.missingTargets();
            return new Entry(role, name, f, report.scores().get(0), null, null, null);
        } catch (RuntimeException | LinkageError e) {
            // One forecaster that cannot fit this history (a weekly season on 5 days, no
            // TensorFlow library) must not sink the round: it is recorded and left out.
            log.info("{} {} left out of the round: {}", role.toLowerCase(), name, e.getMessage());
            close(f);
            return new Entry(role, name, null, null, String.valueOf(e.getMessage()), null, null);
        }
    }

    private static Entry backtestCurrent(
            RollingOriginEvaluation evaluation,
            BacktestSplit split,
            ServingModel current,
            int[] origins) {
        try {
            RollingOriginEvaluation.Report report =
                    evaluation.run(
                            split.train(),
                            split.test(),
                            List.of(new FrozenForecaster(current.instance())));
            origins[0] = report.origins();
            origins[1] = report.missingTargets();
            return new Entry(
                    CURRENT,
                    current.forecaster(),
                    current.instance(),
                    report.scores().get(0),
                    null,
                    current.version(),
                    current);
        } catch (RuntimeException e) {
            return new Entry(
                    CURRENT,
                    current.forecaster(),
                    current.instance(),
                    null,
                    String.valueOf(e.getMessage()),
                    current.version(),
                    current);
        }
    }

    private static List<BacktestedModel> backtested(List<Entry> entries, String role) {
        return entries.stream().filter(e -> e.role().equals(role)).map(Entry::backtested).toList();
    }

    private static Entry find(List<Entry> entries, String key) {
        return entries.stream()
                .filter(e -> e.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no entry " + key));
    }

    /**
     * Only the SavedModel of a DNN version that serves is kept (and recorded): a version that lost
     * its round never serves later, since only new candidates or the serving version can win one.
     */
    private static Compared compared(Entry e, ServingChoice choice) {
        RollingOriginEvaluation.Score s = e.score();
        boolean serves =
                e.current() == null
                        && e.key().equals(choice.chosen())
                        && RoundRecorder.movesServing(choice.outcome());
        String artifact =
                serves && e.instance() instanceof DnnForecaster d && d.servedModel() != null
                        ? d.servedModel().toAbsolutePath().toString()
                        : null;
        return new Compared(
                e.key(),
                e.role(),
                e.forecaster(),
                e.current() == null ? e.version() : null,
                e.current() == null ? null : e.current().versionId(),
                artifact,
                s == null
                        ? null
                        : new RoundRecorder.Score(
                                s.scored(),
                                s.mase(),
                                s.smape(),
                                s.pinballP90(),
                                s.p90Coverage(),
                                s.fitSeconds()),
                e.error());
    }

    /**
     * Frees every fitted DNN that does not serve now, and deletes its SavedModel; the same for a
     * DNN version that this round replaced (the swap has closed it already). Only serving versions
     * stay on disk: a few MB each.
     */
    private void closeUnused(String model, List<Entry> entries) {
        DemandForecaster serves = serving.get(model).map(ServingModel::instance).orElse(null);
        for (Entry e : entries) {
            if (e.instance() == null || e.instance() == serves) {
                continue;
            }
            Path dir = e.instance() instanceof DnnForecaster d ? d.servedModel() : null;
            if (e.current() == null) {
                close(e.instance());
            }
            if (dir != null) {
                deleteRoundDir(dir.getParent());
            }
        }
    }

    /** A DNN candidate's round directory ({@code run-<id>}, holding its SavedModel). */
    private static void deleteRoundDir(Path dir) {
        if (dir == null || !dir.getFileName().toString().startsWith("run-")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", dir, e.toString());
        }
    }

    private static void close(DemandForecaster f) {
        if (f instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", f.name(), e.toString());
            }
        }
    }
}
