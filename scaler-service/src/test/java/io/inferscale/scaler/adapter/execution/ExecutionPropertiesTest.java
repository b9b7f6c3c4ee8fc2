package io.inferscale.scaler.adapter.execution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped application.yml binds and validates; bad values are named. */
class ExecutionPropertiesTest {
    static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theShippedConfigurationBindsAndIsValid() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader()
                        .load("application.yml", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        ExecutionProperties p =
                new Binder(
                                ConfigurationPropertySources.get(env),
                                new PropertySourcesPlaceholdersResolver(env))
                        .bind("inferscale.scaler.execution", ExecutionProperties.class)
                        .get();

        assertThat(validator.validate(p)).isEmpty();
        assertThat(p.enabled()).containsExactly("local");
        assertThat(p.retry().maxAttempts()).isEqualTo(4);
        assertThat(p.retry().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.aws().region()).isNull();
        assertThat(p.aws().endpointOverride()).isNull();
        assertThat(p.kubernetes().replicaPort()).isNull();
        assertThat(p.local().jar())
                .isEqualTo(Path.of("inference-sim/target/inference-sim-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(p.local().group("simple-demo").mode()).isEqualTo("simple");
        assertThat(p.local().group("unlisted").mode()).isEqualTo("llm");
    }

    @Test
    void defaultsApplyWithNothingConfigured() {
        ExecutionProperties p = bind(Map.of());

        assertThat(validator.validate(p)).isEmpty();
        assertThat(p.retry().jitter()).isEqualTo(0.5);
        assertThat(p.local().javaOpts()).containsExactly("-Xmx192m", "-XX:+UseSerialGC");
    }

    @Test
    void badValuesAreNamed() {
        ExecutionProperties p =
                bind(
                        Map.of(
                                "enabled", "local,azure",
                                "retry.max-attempts", "0",
                                "retry.initial-backoff", "30s",
                                "retry.max-backoff", "1s",
                                "local.groups.x.mode", "turbo"));

        Set<ConstraintViolation<ExecutionProperties>> violations = validator.validate(p);

        assertThat(violations)
                .extracting(v -> v.getPropertyPath().toString())
                .contains(
                        "enabled[].<iterable element>",
                        "retry.maxAttempts",
                        "retry.backoffOrdered",
                        "local.groups[x].mode");
    }

    private static ExecutionProperties bind(Map<String, String> values) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        values.forEach((k, v) -> prefixed.put("inferscale.scaler.execution." + k, v));
        return new Binder(List.of(new MapConfigurationPropertySource(prefixed)))
                .bindOrCreate("inferscale.scaler.execution", ExecutionProperties.class);
    }
}
