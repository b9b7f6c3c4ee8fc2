package io.inferscale.collector.domain.window;

/** One replica's share of a model's rollup window ({@code lateRecords} stay at model level). */
public record ReplicaWindow(String replicaId, WindowTotals totals) {}
