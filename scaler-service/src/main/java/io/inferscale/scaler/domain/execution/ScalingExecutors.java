package io.inferscale.scaler.domain.execution;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The executors of the enabled providers, by provider name. */
public final class ScalingExecutors {
    private final Map<String, ScalingExecutor> byProvider = new TreeMap<>();

    public ScalingExecutors(Collection<? extends ScalingExecutor> executors) {
        for (ScalingExecutor e : executors) {
            if (byProvider.putIfAbsent(e.provider(), e) != null) {
                throw new IllegalArgumentException("two executors for provider " + e.provider());
            }
        }
    }

    public Set<String> providers() {
        return byProvider.keySet();
    }

    /**
     * @throws ProviderException ({@link FailureKind#INVALID_TARGET}) when the provider is not
     *     enabled here
     */
    public ScalingExecutor forProvider(String provider) {
        ScalingExecutor e = byProvider.get(provider);
        if (e == null) {
            throw new ProviderException(
                    FailureKind.INVALID_TARGET,
                    "provider '" + provider + "' is not enabled; enabled: " + providers());
        }
        return e;
    }

    public ScalingExecutor forTarget(ScalingTarget target) {
        return forProvider(target.provider());
    }
}
