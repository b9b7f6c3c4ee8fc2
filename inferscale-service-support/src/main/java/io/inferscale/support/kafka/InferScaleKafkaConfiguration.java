package io.inferscale.support.kafka;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.Topic;
import io.inferscale.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Kafka wiring every service shares: event (de)serialisation for all topics, an idempotent producer
 * (acks=all, see inferscale-service-defaults.properties), dead-lettering of poison records, and the
 * topics themselves. Every service declares all topics so any one of them can bootstrap an empty
 * broker; creation is idempotent.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicProperties.class)
public class InferScaleKafkaConfiguration {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer inferscaleEventSerialization(EventCodec codec) {
        return factory -> {
            DefaultKafkaProducerFactory f = factory;
            f.setKeySerializer(new StringSerializer());
            f.setValueSerializer((Serializer) new EventSerializer(codec));
        };
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactoryCustomizer inferscaleEventDeserialization(EventCodec codec) {
        return factory -> {
            DefaultKafkaConsumerFactory f = factory;
            f.setKeyDeserializer(new StringDeserializer());
            f.setValueDeserializer(
                    (Deserializer) new ErrorHandlingDeserializer<>(new EventDeserializer(codec)));
        };
    }

    /**
     * A separate producer for dead letters: they may carry raw bytes that the event serializer
     * cannot write.
     */
    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<Object, Object> inferscaleDeadLetterProducerFactory(
            KafkaProperties properties, EventCodec codec) {
        DeadLetterValueSerializer values = new DeadLetterValueSerializer(codec);
        return new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), values, values);
    }

    @Bean
    CommonErrorHandler inferscaleDeadLetterErrorHandler(
            DefaultKafkaProducerFactory<Object, Object> inferscaleDeadLetterProducerFactory,
            MeterRegistry meters) {
        return DeadLetters.errorHandler(
                new KafkaTemplate<>(inferscaleDeadLetterProducerFactory), meters);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template) {
        return new EventPublisher(template);
    }

    @Bean
    KafkaAdmin.NewTopics inferscaleTopics(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(newTopic(topic, properties.replicationFactor()));
            topics.add(deadLetterTopic(topic, properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(Topic<?> topic, int replicationFactor) {
        TopicBuilder builder =
                TopicBuilder.name(topic.name())
                        .partitions(topic.partitions())
                        .replicas(replicationFactor);
        if (topic.compacted()) {
            builder.compact();
        } else {
            builder.config(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()));
        }
        return builder.build();
    }

    static NewTopic deadLetterTopic(Topic<?> topic, int replicationFactor) {
        return TopicBuilder.name(topic.deadLetterName())
                .partitions(topic.partitions())
                .replicas(replicationFactor)
                .config(
                        TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(Topic.DEAD_LETTER_RETENTION.toMillis()))
                .build();
    }
}
