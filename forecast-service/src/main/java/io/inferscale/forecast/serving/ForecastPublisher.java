package io.inferscale.forecast.serving;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.Topics;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.QuantileForecast;
import io.inferscale.core.forecast.TrailingMean;
import io.inferscale.forecast.ServingProperties;
import io.inferscale.forecast.TrainingProperties;
import io.inferscale.forecast.adapter.jdbc.DemandHistoryRepository;
import io.inferscale.forecast.domain.DemandPoint;
import io.inferscale.forecast.domain.ForecastEvents;
import io.inferscale.forecast.domain.FreshnessRule;
import io.inferscale.forecast.domain.InputFreshness;
import io.inferscale.forecast.domain.ModelHistory;
import io.inferscale.forecast.domain.SeriesGrid;
import io.inferscale.forecast.domain.TokensPerRequest;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every step, one forecast per model to the {@code forecasts} topic: read the recent demand ->
 * assess its freshness -> forecast from the newest observed step with the serving version ->
 * publish; for a model whose requests report output tokens, a second event with the token rate (the
 * request forecast times the recent output tokens per request). A model that no trained version
 * serves yet gets a trailing-mean forecast marked degraded; stale or gappy input gives a degraded
 * forecast with the reason. Missing steps are never read as zeros.
 */
@Component
public class ForecastPublisher {
    private static final Logger log = LoggerFactory.getLogger(ForecastPublisher.class);

    private final DemandHistoryRepository history;
    private final ServingModels serving;
    private final LatestForecasts latest;
    private final EventPublisher publisher;
    private final ServiceIdentity identity;
    private final ServingProperties properties;
    private final TrainingProperties training;
    private final FreshnessRule freshnessRule;
    private final double[] levels;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter failures;

    public ForecastPublisher(
            DemandHistoryRepository history,
            ServingModels serving,
            LatestForecasts latest,
            EventPublisher publisher,
            ServiceIdentity identity,
            ServingProperties properties,
            TrainingProperties training,
            MeterRegistry meters,
            Clock clock) {
        this.history = history;
        this.serving = serving;
        this.latest = latest;
        this.publisher = publisher;
        this.identity = identity;
        this.properties = properties;
        this.training = training;
        this.freshnessRule = properties.freshnessRule();
        this.levels = properties.levelArray();
        this.clock = clock;
        this.meters = meters;
        this.failures = meters.counter("inferscale.forecast.failures");
    }

    /** One step: a forecast for every model with demand within {@code forget-after}. */
    public void publishAll() {
        Instant now = clock.instant();
        for (ModelHistory h : history.summaries(properties.stepSeconds())) {
            if (h.lastEnd().isBefore(now.minus(properties.forgetAfter()))) {
                continue;
            }
            try {
                publish(h, now);
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("no forecast for {} this step: {}", h.model(), e.toString());
            }
        }
    }

    private void publish(ModelHistory h, Instant now) {
        String model = h.model();
        Instant to = h.lastEnd();
        Instant from = to.minus(properties.lookback());
        List<DemandPoint> points = history.range(model, properties.stepSeconds(), from, to);
        DemandSeries recent = SeriesGrid.arrivals(points, from, to, properties.step());
        InputFreshness freshness = freshnessRule.assess(recent, now);
        EventMeta meta =
                EventMeta.create(DemandForecast.SCHEMA_VERSION, identity.producer(), clock);
        DemandForecast event;
        try {
            event =
                    serving.with(
                                    model,
                                    m ->
                                            ForecastEvents.of(
                                                    meta,
                                                    model,
                                                    m.instance()
                                                            .forecast(
                                                                    recent,
                                                                    properties.horizonSteps(),
                                                                    levels),
                                                    m.forecaster(),
                                                    m.label(),
                                                    freshness,
                                                    List.of()))
                            .orElseGet(
                                    () ->
                                            fallback(
                                                    meta,
                                                    h,
                                                    recent,
                                                    freshness,
                                                    "untrained",
                                                    "no trained version serves this model yet ("
                                                            + FreshnessRule.human(
                                                                    h.observed(properties.step()))
                                                            + " of history, a round needs "
                                                            + FreshnessRule.human(
                                                                    training.minHistory())
                                                            + ")"));
        } catch (RuntimeException e) {
            // Say so rather than go silent: the scaler sees a degraded forecast, not a gap.
            failures.increment();
            event =
                    fallback(
                            meta,
                            h,
                            recent,
                            freshness,
                            "fallback",
                            "the serving version could not forecast: " + e.getMessage());
        }
        send(event);
        OptionalDouble tokensPerRequest =
                TokensPerRequest.since(points, to.minus(properties.tokensPerRequestWindow()));
        if (tokensPerRequest.isPresent()) {
            send(
                    ForecastEvents.tokens(
                            EventMeta.create(
                                    DemandForecast.SCHEMA_VERSION, identity.producer(), clock),
                            event,
                            tokensPerRequest.getAsDouble()));
        } else {
            latest.remove(model, ForecastEvents.TOKENS_METRIC);
        }
    }

    /**
     * Asynchronous: a broker that is down shows in the failure counter and the log, and the next
     * step's forecast replaces this one anyway.
     */
    private void send(DemandForecast event) {
        publisher
                .publish(Topics.FORECASTS, event)
                .whenComplete(
                        (ok, e) -> {
                            if (e != null) {
                                failures.increment();
                                log.warn(
                                        "{} forecast for {} not sent: {}",
                                        event.metric(),
                                        event.model(),
                                        e.toString());
                            }
                        });
        latest.put(event);
        meters.counter(
                        "inferscale.forecast.published",
                        "metric",
                        event.metric(),
                        "degraded",
                        String.valueOf(event.degraded()))
                .increment();
    }

    /**
     * Before the first round, when the serving version could not be restored or cannot forecast:
     * the trailing mean, fitted on the recent history, so that the scaler sees a level; degraded,
     * because no backtest vouches for it.
     */
    private DemandForecast fallback(
            EventMeta meta,
            ModelHistory h,
            DemandSeries recent,
            InputFreshness freshness,
            String version,
            String reason) {
        TrailingMean fallback = new TrailingMean();
        fallback.fit(recent);
        QuantileForecast f = fallback.forecast(recent, properties.horizonSteps(), levels);
        return ForecastEvents.of(
                meta, h.model(), f, fallback.name(), version, freshness, List.of(reason));
    }
}
