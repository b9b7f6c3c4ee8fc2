package io.inferscale.collector.adapter.scrape;

import io.inferscale.contracts.ReplicaSnapshot;

/** Where each scrape's snapshot goes; must not block the scrape loop. */
public interface SnapshotSink {
    void publish(ReplicaSnapshot snapshot);
}
