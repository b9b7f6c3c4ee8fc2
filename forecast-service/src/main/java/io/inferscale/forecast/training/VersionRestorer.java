package io.inferscale.forecast.training;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.adapter.jdbc.VersionHistory;
import io.inferscale.forecast.domain.SeriesGrid;
import io.inferscale.forecast.serving.ServingModel;
import io.inferscale.forecast.serving.ServingModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings back the version that served each model before the restart. A version that
 * cannot be restored (its SavedModel is gone) leaves the model unserved: the training schedule then
 * trains it at once.
 */
@Component
public class VersionRestorer {
    private static final Logger log = LoggerFactory.getLogger(VersionRestorer.class);

    private final VersionHistory versions;
    private final DemandHistoryRepository history;
    private final Forecasters forecasters;
    private final ServingModels serving;
    private final ServingProperties servingProperties;

    public VersionRestorer(
            VersionHistory versions,
            DemandHistoryRepository history,
            Forecasters forecasters,
            ServingModels serving,
            ServingProperties servingProperties) {
        this.versions = versions;
        this.history = history;
        this.forecasters = forecasters;
        this.serving = serving;
        this.servingProperties = servingProperties;
    }

    public void restoreAll() {
        for (VersionHistory.Serving s : versions.servingAll()) {
            if (s.stepSeconds() != servingProperties.stepSeconds()) {
                log.warn(
                        "{} v{} was trained on {} s steps, the service now uses {} s: not restored",
                        s.model(),
                        s.version(),
                        s.stepSeconds(),
                        servingProperties.stepSeconds());
                continue;
            }
            try {
                DemandForecaster f =
                        forecasters.restore(
                                s.forecaster(),
                                s.artifact(),
                                () ->
                                        SeriesGrid.arrivals(
                                                history.range(
                                                        s.model(),
                                                        s.stepSeconds(),
                                                        s.trainFrom(),
                                                        s.trainTo()),
                                                s.trainFrom(),
                                                s.trainTo(),
                                                servingProperties.step()));
                serving.put(
                        s.model(),
                        new ServingModel(s.versionId(), s.version(), s.forecaster(), f, s.since()));
                log.info("{} serves {} v{} again", s.model(), s.forecaster(), s.version());
            } catch (RuntimeException | LinkageError e) {
                log.warn(
                        "cannot restore {} v{} for {}: {}",
                        s.forecaster(),
                        s.version(),
                        s.model(),
                        e.getMessage());
            }
        }
    }
}
