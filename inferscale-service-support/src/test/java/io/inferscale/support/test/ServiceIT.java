package io.inferscale.support.test;

import io.inferscale.contracts.Topics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A service integration test: the whole Spring context on a random port, a real embedded KRaft
 * broker, and the real PostgreSQL server ({@code INFERSCALE_TEST_DB_URL}, default the local {@code
 * inferscale_test} database that {@code bin/lib/ensure-postgres.sh} creates).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.datasource.url=${INFERSCALE_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/inferscale_test}",
            "spring.datasource.username=${INFERSCALE_TEST_DB_USER:inferscale}",
            "spring.datasource.password=${INFERSCALE_TEST_DB_PASSWORD:}"
        })
@EmbeddedKafka(partitions = Topics.PARTITIONS)
public @interface ServiceIT {}
