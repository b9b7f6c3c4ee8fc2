package io.inferscale.scaler.adapter.control;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ScalingAction;
import io.inferscale.contracts.Topics;
import io.inferscale.scaler.adapter.jdbc.ScalingActionRepository;
import io.inferscale.scaler.domain.execution.ActionAttempt;
import io.inferscale.scaler.domain.execution.ActionRecorder;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Every action attempt goes to the audit table first, then to {@code scaling.actions}: the table is
 * the record, the topic tells the console and other readers. A failed publish is logged, never
 * allowed to fail the action.
 */
@Primary
@Component
class PublishingActionRecorder implements ActionRecorder {
    private static final Logger log = LoggerFactory.getLogger(PublishingActionRecorder.class);
    private final ScalingActionRepository repository;
    private final EventPublisher publisher;
    private final ServiceIdentity identity;
    private final Clock clock;

    PublishingActionRecorder(
            ScalingActionRepository repository,
            EventPublisher publisher,
            ServiceIdentity identity,
            Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void record(ActionAttempt attempt) {
        repository.record(attempt);
        publisher
                .publish(
                        Topics.SCALING_ACTIONS,
                        attempt.toEvent(
                                EventMeta.create(
                                        ScalingAction.SCHEMA_VERSION, identity.producer(), clock)))
                .whenComplete(
                        (ok, e) -> {
                            if (e != null) {
                                log.warn(
                                        "could not publish action {} of decision {}: {}",
                                        attempt.attempt(),
                                        attempt.decisionId(),
                                        e.toString());
                            }
                        });
    }
}
