package io.inferscale.scaler.adapter.execution;

import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fake provider: each call takes the next scripted failure (or succeeds when the script is empty,
 * or fails forever with {@link #failingWith}) and remembers what it was asked.
 */
final class ScriptedAdapter implements ProviderAdapter {
    private final String provider;
    private final Deque<Supplier<RuntimeException>> script = new ArrayDeque<>();
    private Supplier<RuntimeException> forever;
    final List<Integer> desiredCalls = new ArrayList<>();
    int observeCalls;
    int state;

    ScriptedAdapter(String provider) {
        this.provider = provider;
    }

    ScriptedAdapter then(Supplier<RuntimeException> failure) {
        script.add(failure);
        return this;
    }

    ScriptedAdapter failingWith(Supplier<RuntimeException> failure) {
        forever = failure;
        return this;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        observeCalls++;
        fail();
        return new ProviderState(target, state, state, state, List.of(), Instant.EPOCH);
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        desiredCalls.add(desiredReplicas);
        fail();
        state = desiredReplicas;
    }

    private void fail() {
        Supplier<RuntimeException> next = script.isEmpty() ? forever : script.poll();
        if (next != null) {
            throw next.get();
        }
    }
}
