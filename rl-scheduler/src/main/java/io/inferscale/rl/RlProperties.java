package io.inferscale.rl;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param policyHistoryLimit the most policy versions one history request returns
 */
@Validated
@ConfigurationProperties("inferscale.rl")
public record RlProperties(@Min(1) @Max(10_000) int policyHistoryLimit) {}
