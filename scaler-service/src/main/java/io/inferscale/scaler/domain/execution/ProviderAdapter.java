package io.inferscale.scaler.domain.execution;

/**
 * One provider API, one call per method: no retries, no records. {@link ScalingExecutor}
 * implementations wrap it; adapters only translate between the provider's SDK and these types, and
 * classify every failure into a {@link ProviderException}.
 */
public interface ProviderAdapter extends AutoCloseable {

    /** The provider name policies use, e.g. {@code aws-asg}. */
    String provider();

    /**
     * @throws ProviderException classified, with a message that carries no credentials
     */
    ProviderState observe(ScalingTarget target);

    /**
     * Asks the provider for exactly {@code desiredReplicas} (an absolute count). Returns once the
     * provider accepted the request; replicas may still be starting.
     *
     * @throws ProviderException classified, with a message that carries no credentials
     */
    void setDesiredReplicas(ScalingTarget target, int desiredReplicas);

    /** Releases clients and, for providers that own processes, stops them. */
    @Override
    default void close() {}
}
