package io.inferscale.core.routing.learned;

import java.time.Clock;

/** What the {@code rl} policy needs from the process that routes. */
public record LearnedRouting(
        LearnedPolicySource source, Clock clock, LearnedChooser.FallbackListener listener) {}
