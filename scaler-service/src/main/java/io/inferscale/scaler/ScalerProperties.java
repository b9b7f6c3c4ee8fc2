package io.inferscale.scaler;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param providers the provider names a scaling policy may use
 */
@Validated
@ConfigurationProperties("inferscale.scaler")
public record ScalerProperties(@NotEmpty Set<String> providers) {}
