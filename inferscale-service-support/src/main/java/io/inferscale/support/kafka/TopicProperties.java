package io.inferscale.support.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How topics are created. The local stack and tests run one broker, so the default replication
 * factor is 1; production clusters set {@code inferscale.kafka.replication-factor=3}.
 */
@Validated
@ConfigurationProperties("inferscale.kafka")
public record TopicProperties(@DefaultValue("1") @Min(1) @Max(7) int replicationFactor) {}
