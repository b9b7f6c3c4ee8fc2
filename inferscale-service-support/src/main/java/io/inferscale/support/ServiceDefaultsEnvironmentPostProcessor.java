package io.inferscale.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code inferscale-service-defaults.properties} as the lowest-precedence property source,
 * early enough that auto-configuration conditions (health probes, problem details) see it.
 * Everything a service, the environment or the command line sets wins over it.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {
    static final String NAME = "inferscale-service-defaults";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(
                            new ResourcePropertySource(
                                    NAME, new ClassPathResource(NAME + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
