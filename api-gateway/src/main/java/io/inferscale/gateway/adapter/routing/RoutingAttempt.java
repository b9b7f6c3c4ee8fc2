package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.RoutingRequest;

/**
 * The load balancer's request context: what to route, and the replica a failed first attempt went
 * to (null on the first attempt), which the retry must avoid.
 */
public record RoutingAttempt(RoutingRequest request, String excludedReplicaId) {}
