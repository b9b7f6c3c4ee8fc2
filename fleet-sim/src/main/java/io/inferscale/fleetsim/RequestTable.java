package io.inferscale.fleetsim;

import java.util.Arrays;

/**
 * The requests in flight, in parallel arrays indexed by a slot number that doubles as the id the
 * replica model sees (ids need only be unique among a replica's requests in flight). Slots are
 * recycled through a free stack, so a run of hundreds of millions of requests allocates nothing
 * here once the table has grown to the peak number in flight.
 */
final class RequestTable {

    private long[] arrival = new long[1024];
    private long[] firstToken = new long[1024];
    private SimReplica[] replica = new SimReplica[1024];
    private int[] free = new int[1024];
    private int freeTop;
    private int used;

    /** Returns the new request's id. */
    int add(long arrivalNanos, SimReplica to) {
        int id;
        if (freeTop > 0) {
            id = free[--freeTop];
        } else {
            if (used == arrival.length) {
                grow();
            }
            id = used++;
        }
        arrival[id] = arrivalNanos;
        firstToken[id] = -1;
        replica[id] = to;
        return id;
    }

    void free(int id) {
        replica[id] = null;
        free[freeTop++] = id;
    }

    /** Requests added and not freed. */
    int inFlight() {
        return used - freeTop;
    }

    long arrival(int id) {
        return arrival[id];
    }

    long firstToken(int id) {
        return firstToken[id];
    }

    void firstToken(int id, long atNanos) {
        firstToken[id] = atNanos;
    }

    SimReplica replica(int id) {
        return replica[id];
    }

    private void grow() {
        int n = arrival.length * 2;
        arrival = Arrays.copyOf(arrival, n);
        firstToken = Arrays.copyOf(firstToken, n);
        replica = Arrays.copyOf(replica, n);
        free = Arrays.copyOf(free, n);
    }
}
