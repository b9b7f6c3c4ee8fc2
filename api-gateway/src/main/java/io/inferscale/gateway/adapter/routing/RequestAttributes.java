package io.inferscale.gateway.adapter.routing;

/** Exchange attributes the routing filter sets and the telemetry filter reads. */
public final class RequestAttributes {
    public static final String MODEL = "inferscale.model";
    public static final String REPLICA = "inferscale.replica";
    public static final String POLICY = "inferscale.policy";

    /** 2 when the request was retried on another replica. */
    public static final String ATTEMPTS = "inferscale.attempts";

    /** Routes whose URI has this scheme are inference routes: the gateway picks the replica. */
    public static final String INFERENCE_SCHEME = "inferscale";

    private RequestAttributes() {}
}
