package io.inferscale.scaler.adapter.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.contracts.Topics;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.scaler.ScalerServiceApplication;
import io.inferscale.scaler.adapter.jdbc.ScalingPolicyRepository;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two scaler instances on one broker and database: every model is decided by exactly one of them
 * (the one assigned its {@code demand} partition), and both take part.
 */
@ServiceIT
class ScalerOwnershipIT {
    static final String PREFIX = "own-";

    @DynamicPropertySource
    static void fast(DynamicPropertyRegistry r) {
        r.add("inferscale.scaler.control.interval", () -> "1s");
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired ScalingPolicyRepository policies;
    @Autowired ControlState first;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired Environment env;
    ConfigurableApplicationContext second;

    @BeforeEach
    void policies() {
        clean();
        for (String model : modelsCoveringEveryPartition()) {
            policies.upsert(
                    new ScalingPolicy(
                            model,
                            1,
                            4,
                            2,
                            null,
                            null,
                            null,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ZERO,
                            1,
                            ScalingMode.RECOMMEND,
                            "local",
                            model),
                    "it",
                    Instant.now());
        }
    }

    @AfterEach
    void stop() {
        if (second != null) second.close();
        clean();
    }

    @Test
    void eachModelIsDecidedByExactlyOneInstance() throws Exception {
        // Command-line arguments: they outrank the application.yml defaults (port 8084, local DB).
        second =
                new SpringApplicationBuilder(ScalerServiceApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                                "--spring.datasource.url="
                                        + env.getProperty("spring.datasource.url"),
                                "--spring.datasource.username="
                                        + env.getProperty("spring.datasource.username"),
                                "--spring.datasource.password="
                                        + env.getProperty("spring.datasource.password", ""),
                                "--inferscale.scaler.control.interval=1s");
        ControlState other = second.getBean(ControlState.class);

        // Once the group has settled, the two split the demand partitions between them.
        Await.until(
                Duration.ofSeconds(60),
                () -> List.of(first.ownedPartitions(), other.ownedPartitions()),
                owned -> {
                    Set<Integer> all = new HashSet<>(owned.get(0));
                    all.addAll(owned.get(1));
                    return !owned.get(0).isEmpty()
                            && !owned.get(1).isEmpty()
                            && all.size() == Topics.DEMAND.partitions()
                            && owned.get(0).stream().noneMatch(owned.get(1)::contains);
                });
        Instant settled = Instant.now().plusSeconds(2); // a round that began before may finish
        Thread.sleep(6_000);

        List<Map<String, Object>> rows =
                jdbc.queryForList(
                        "SELECT model, count(DISTINCT decided_by) AS deciders, min(decided_by) AS who"
                                + " FROM scaler.scaling_decision WHERE model LIKE ? AND decided_at > ?"
                                + " GROUP BY model",
                        PREFIX + "%",
                        Timestamp.from(settled));
        String owned =
                "first owns " + first.ownedPartitions() + ", second " + other.ownedPartitions();
        assertThat(rows).as(owned).hasSize(modelsCoveringEveryPartition().size());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("deciders")).isEqualTo(1L));
        assertThat(rows.stream().map(r -> r.get("who")).distinct()).hasSize(2);
    }

    /** Model names hashing to every demand partition, so each instance owns some for sure. */
    static List<String> modelsCoveringEveryPartition() {
        List<String> models = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < Topics.DEMAND.partitions(); i++) {
            String model = PREFIX + i;
            if (covered.add(ControlState.partitionOf(model))) {
                models.add(model);
            }
        }
        return models;
    }

    private void clean() {
        jdbc.update("DELETE FROM scaler.scaling_policy WHERE model LIKE ?", PREFIX + "%");
        jdbc.update("DELETE FROM scaler.scaling_decision WHERE model LIKE ?", PREFIX + "%");
    }
}
