package io.inferscale.scaler.adapter.control;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ScalingDecision;
import io.inferscale.contracts.ScalingMode;
import io.inferscale.contracts.Topics;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.FleetView;
import io.inferscale.core.scaling.hybrid.HybridDecider;
import io.inferscale.core.scaling.hybrid.HybridDecision;
import io.inferscale.core.scaling.hybrid.HybridSettings;
import io.inferscale.scaler.adapter.jdbc.ScalingDecisionRepository;
import io.inferscale.scaler.adapter.jdbc.ScalingDecisionRepository.DecisionRow;
import io.inferscale.scaler.adapter.jdbc.ScalingPolicyRepository;
import io.inferscale.scaler.domain.control.EpochNanos;
import io.inferscale.scaler.domain.control.LoadSignals;
import io.inferscale.scaler.domain.control.ModelControl;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingExecutor;
import io.inferscale.scaler.domain.execution.ScalingExecutors;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The control loop: for every model this instance owns whose policy is not {@code off}, read the
 * provider, decide with the shared {@link HybridDecider} (the same code the fleet simulator
 * benchmarks), audit the decision, and in {@code auto} mode apply a changed count through the
 * provider's executor. It also publishes {@code fleet.state} from what the provider reports, which
 * is how gateways and collectors discover the replicas it manages.
 */
@Component
class ScalingLoop {
    private static final Logger log = LoggerFactory.getLogger(ScalingLoop.class);

    private final ControlProperties properties;
    private final ControlState state;
    private final ScalingPolicyRepository policies;
    private final ScalingDecisionRepository decisions;
    private final ScalingExecutors executors;
    private final EventPublisher publisher;
    private final ServiceIdentity identity;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HybridDecider decider = new HybridDecider(HybridSettings.defaults());

    /** Control state of the models owned now; dropped when ownership moves away. */
    private final Map<String, ModelControl> controls = new ConcurrentHashMap<>();

    /** What the provider reported last, per model: the sampler needs the current count. */
    private final Map<String, ProviderState> observed = new ConcurrentHashMap<>();

    private final Map<String, FleetState> lastPublished = new HashMap<>();
    private final Map<String, Instant> lastPublishedAt = new HashMap<>();
    private final Map<String, AtomicInteger> staleGauges = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> desiredGauges = new ConcurrentHashMap<>();

    ScalingLoop(
            ControlProperties properties,
            ControlState state,
            ScalingPolicyRepository policies,
            ScalingDecisionRepository decisions,
            ScalingExecutors executors,
            EventPublisher publisher,
            ServiceIdentity identity,
            Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        this.state = state;
        this.policies = policies;
        this.decisions = decisions;
        this.executors = executors;
        this.publisher = publisher;
        this.identity = identity;
        this.clock = clock;
        this.meters = meters;
    }

    /** One load sample per owned model per second into the decider's windows. */
    @Scheduled(fixedRateString = "${inferscale.scaler.control.sample-interval}")
    void sample() {
        if (!properties.enabled()) {
            return;
        }
        long now = EpochNanos.of(clock.instant());
        controls.forEach(
                (model, control) -> {
                    ProviderState p = observed.get(model);
                    int current = p == null ? 0 : p.currentReplicas();
                    LoadSignals.Sample s = state.signals(model).sample(now, current);
                    if (s != null) {
                        control.sample(s);
                    }
                });
    }

    @Scheduled(fixedDelayString = "${inferscale.scaler.control.interval}")
    void tick() {
        if (!properties.enabled()) {
            return;
        }
        List<ScalingPolicy> all = policies.findAll();
        Map<String, ScalingPolicy> owned = new HashMap<>();
        for (ScalingPolicy p : all) {
            if (p.mode() != ScalingMode.OFF
                    && state.owns(p.model())
                    && executors.providers().contains(p.provider())) {
                owned.put(p.model(), p);
            }
        }
        controls.keySet().retainAll(owned.keySet());
        observed.keySet().retainAll(owned.keySet());
        for (ScalingPolicy p : owned.values()) {
            try {
                control(p, controls.computeIfAbsent(p.model(), m -> new ModelControl()));
            } catch (RuntimeException e) {
                // One model's failure (a provider down, a bad target) must not stop the others.
                log.warn("control of {} failed this round: {}", p.model(), e.toString());
                meters.counter("inferscale.scaler.control.failures", "model", p.model())
                        .increment();
            }
        }
    }

    private void control(ScalingPolicy policy, ModelControl control) {
        ScalingTarget target =
                new ScalingTarget(policy.model(), policy.provider(), policy.target());
        ScalingExecutor executor = executors.forTarget(target);
        ProviderState before;
        try {
            before = executor.observe(target);
        } catch (ProviderException e) {
            log.warn("cannot read {} ({}): {}", target, e.kind(), e.getMessage());
            meters.counter(
                            "inferscale.scaler.observe.failures",
                            "model",
                            policy.model(),
                            "kind",
                            e.kind().name())
                    .increment();
            return; // nothing known about the fleet: decide nothing, change nothing
        }
        observed.put(policy.model(), before);
        publishFleetState(before);

        Instant now = clock.instant();
        HybridDecision d =
                control.decide(
                        decider,
                        new FleetView(before.desiredReplicas(), before.readyReplicas()),
                        state.forecast(policy.model()),
                        policy,
                        EpochNanos.of(now));
        boolean apply =
                policy.mode() == ScalingMode.AUTO
                        && d.desiredReplicas() != before.desiredReplicas();
        EventMeta meta =
                EventMeta.create(ScalingDecision.SCHEMA_VERSION, identity.producer(), clock);
        record(policy, before, d, apply, meta, now);
        if (apply) {
            executor.apply(target, d.desiredReplicas(), meta.eventId());
            try {
                ProviderState after = executor.observe(target);
                observed.put(policy.model(), after);
                publishFleetState(after);
            } catch (ProviderException e) {
                log.warn("cannot re-read {} after scaling: {}", target, e.getMessage());
            }
        }
    }

    private void record(
            ScalingPolicy policy,
            ProviderState before,
            HybridDecision d,
            boolean apply,
            EventMeta meta,
            Instant now) {
        gauge(staleGauges, "inferscale.scaler.telemetry.stale", policy.model())
                .set(d.telemetryStale() ? 1 : 0);
        gauge(desiredGauges, "inferscale.scaler.desired.replicas", policy.model())
                .set(d.desiredReplicas());
        meters.counter(
                        "inferscale.scaler.decisions",
                        "model",
                        policy.model(),
                        "reason",
                        d.reason().name())
                .increment();
        ScalingDecision event =
                new ScalingDecision(
                        meta,
                        policy.model(),
                        policy.mode(),
                        before.desiredReplicas(),
                        before.readyReplicas(),
                        d.desiredReplicas(),
                        d.reason(),
                        d.termMap(),
                        d.inputMap(),
                        d.explanation());
        decisions.insert(
                new DecisionRow(
                        meta.eventId(),
                        policy.model(),
                        now,
                        identity.producer(),
                        policy.mode().name(),
                        before.desiredReplicas(),
                        before.readyReplicas(),
                        d.desiredReplicas(),
                        d.reason().name(),
                        d.forecastStatus().name(),
                        d.telemetryStale(),
                        apply,
                        event.terms(),
                        event.inputs(),
                        d.explanation()));
        publisher.publish(Topics.SCALING_DECISIONS, event);
        if (d.desiredReplicas() != before.desiredReplicas()) {
            log.info(
                    "{} {}: {} -> {} ({}): {}",
                    policy.mode() == ScalingMode.AUTO ? "scaling" : "recommending",
                    policy.model(),
                    before.desiredReplicas(),
                    d.desiredReplicas(),
                    d.reason(),
                    d.explanation());
        }
    }

    /** Compacted: republished when it changed, and now and then so a new reader sees it soon. */
    private synchronized void publishFleetState(ProviderState p) {
        String model = p.target().model();
        FleetState previous = lastPublished.get(model);
        Instant at = lastPublishedAt.get(model);
        Instant now = clock.instant();
        boolean same =
                previous != null
                        && previous.desiredReplicas() == p.desiredReplicas()
                        && previous.replicas().equals(p.replicas());
        if (same && at != null && now.isBefore(at.plus(properties.fleetStateRefresh()))) {
            return;
        }
        FleetState event =
                new FleetState(
                        EventMeta.create(FleetState.SCHEMA_VERSION, identity.producer(), clock),
                        model,
                        p.target().provider(),
                        p.target().target(),
                        p.desiredReplicas(),
                        p.replicas());
        publisher.publish(Topics.FLEET_STATE, event);
        lastPublished.put(model, event);
        lastPublishedAt.put(model, now);
    }

    private AtomicInteger gauge(Map<String, AtomicInteger> gauges, String name, String model) {
        return gauges.computeIfAbsent(
                model, m -> meters.gauge(name, List.of(Tag.of("model", m)), new AtomicInteger()));
    }

    /** Audit rows past the retention are deleted once an hour. */
    @Scheduled(fixedDelay = 3_600_000L, initialDelay = 60_000L)
    void expireAudit() {
        int n = decisions.deleteBefore(clock.instant().minus(properties.decisionRetention()));
        if (n > 0) {
            log.info(
                    "deleted {} scaling decisions older than {}",
                    n,
                    properties.decisionRetention());
        }
    }
}
