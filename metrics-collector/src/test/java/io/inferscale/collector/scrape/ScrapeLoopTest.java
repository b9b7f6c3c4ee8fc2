package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.adapter.scrape.ScrapeLoop;
import io.inferscale.collector.adapter.scrape.ScrapeMetrics;
import io.inferscale.collector.adapter.scrape.Scraper;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.contracts.ReplicaSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scrape loop with a fake scraper and a hand-moved clock: no sockets, no threads. */
class ScrapeLoopTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z"); // a 5 s boundary
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String GOOD = "vllm:num_requests_running{model_name=\"m\"} 2\n";

    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<ReplicaSnapshot> published = new CopyOnWriteArrayList<>();
    final Map<String, List<CompletableFuture<String>>> fetches = new HashMap<>();
    final Scraper scraper =
            t -> {
                CompletableFuture<String> f = new CompletableFuture<>();
                fetches.computeIfAbsent(t.replicaId(), k -> new ArrayList<>()).add(f);
                return f;
            };
    List<ScrapeTarget> targets = targets(3);

    ScrapeLoop loop(double jitter, int maxConcurrency) {
        return new ScrapeLoop(
                () -> targets,
                scraper,
                published::add,
                new ScrapeMetrics(meters, Duration.ofMinutes(1)),
                Runnable::run,
                clock,
                "collector-test",
                INTERVAL,
                jitter,
                maxConcurrency,
                Duration.ofMillis(100));
    }

    static List<ScrapeTarget> targets(int n) {
        return IntStream.range(0, n)
                .mapToObj(
                        i ->
                                ScrapeTarget.of(
                                        "m",
                                        "r" + i,
                                        "http://127.0.0.1:" + (9000 + i),
                                        "vllm",
                                        Map.of(),
                                        "/metrics"))
                .toList();
    }

    int fetched(String replica) {
        return fetches.getOrDefault(replica, List.of()).size();
    }

    CompletableFuture<String> last(String replica) {
        List<CompletableFuture<String>> f = fetches.get(replica);
        return f.get(f.size() - 1);
    }

    @Test
    void scrapesEveryTargetOncePerInterval() {
        ScrapeLoop loop = loop(0.0, 100);

        loop.tick();
        targets.forEach(t -> last(t.replicaId()).complete(GOOD));
        clock.advance(Duration.ofSeconds(2));
        loop.tick();
        assertThat(fetched("r0")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(3));
        loop.tick();

        assertThat(fetched("r0")).isEqualTo(2);
        assertThat(fetched("r2")).isEqualTo(2);
        assertThat(published).hasSize(3).allSatisfy(s -> assertThat(s.healthy()).isTrue());
    }

    @Test
    void jitterSpreadsTargetsOverTheInterval() {
        targets = targets(50);
        ScrapeLoop loop = loop(1.0, 100);

        loop.tick();
        int atStart = fetches.size();
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(100));
            loop.tick();
        }

        assertThat(atStart).isLessThan(10);
        assertThat(fetches).hasSize(50);
        assertThat(fetches.values()).allSatisfy(f -> assertThat(f).hasSize(1));
    }

    @Test
    void aFailedOrGarbageTargetIsStaleAndTheOthersCarryOn() {
        ScrapeLoop loop = loop(0.0, 100);
        loop.tick();
        targets.forEach(t -> last(t.replicaId()).complete(GOOD));
        clock.advance(INTERVAL);
        published.clear();

        loop.tick();
        last("r0").complete(GOOD);
        last("r1").completeExceptionally(new HttpTimeoutException("request timed out"));
        last("r2").complete("<html>\n<h1>502 Bad Gateway</h1>\n</html>\n");

        Map<String, ReplicaSnapshot> byReplica = new HashMap<>();
        published.forEach(s -> byReplica.put(s.replicaId(), s));
        assertThat(byReplica.get("r0").healthy()).isTrue();
        assertThat(byReplica.get("r0").stale()).isFalse();
        for (String failed : List.of("r1", "r2")) {
            ReplicaSnapshot s = byReplica.get(failed);
            assertThat(s.healthy()).isFalse();
            assertThat(s.stale()).isTrue();
            assertThat(s.ageMs()).isEqualTo(INTERVAL.toMillis());
            assertThat(s.running()).isEqualTo(2.0); // the last good value, not zero
        }
        assertThat(loop.states().get("m|r1").error()).isEqualTo("timed out");
        assertThat(
                        meters.get("inferscale.collector.scrape.malformed.lines")
                                .tag("target", "r2")
                                .counter()
                                .count())
                .isEqualTo(3.0);
        assertThat(
                        meters.get("inferscale.collector.scrape.scrapes")
                                .tag("outcome", "failed")
                                .counter()
                                .count())
                .isEqualTo(2.0);
    }

    @Test
    void boundedConcurrencyQueuesTheRest() {
        targets = targets(5);
        ScrapeLoop loop = loop(0.0, 2);

        loop.tick();
        assertThat(fetches.values().stream().mapToInt(List::size).sum()).isEqualTo(2);

        fetches.values().iterator().next().get(0).complete(GOOD);

        assertThat(fetches.values().stream().mapToInt(List::size).sum()).isEqualTo(3);
    }

    @Test
    void aTargetStillInFlightIsNotScrapedTwice() {
        targets = targets(1);
        ScrapeLoop loop = loop(0.0, 10);
        loop.tick();

        clock.advance(INTERVAL);
        loop.tick();

        assertThat(fetched("r0")).isEqualTo(1);
        assertThat(meters.counter("inferscale.collector.scrape.overruns").count()).isEqualTo(1.0);
    }

    @Test
    void aRemovedTargetPublishesNothingMore() {
        ScrapeLoop loop = loop(0.0, 10);
        loop.tick();
        targets = targets.subList(0, 2);
        loop.tick();

        last("r2").complete(GOOD);

        assertThat(published).isEmpty();
        assertThat(loop.states()).doesNotContainKey("m|r2");
    }

    @Test
    void aScraperThatThrowsIsAFailedScrapeNotADeadLoop() {
        targets = targets(2);
        ScrapeLoop loop =
                new ScrapeLoop(
                        () -> targets,
                        t -> {
                            if (t.replicaId().equals("r0")) {
                                throw new IllegalStateException("boom");
                            }
                            return CompletableFuture.completedFuture(GOOD);
                        },
                        published::add,
                        new ScrapeMetrics(meters, Duration.ofMinutes(1)),
                        Runnable::run,
                        clock,
                        "collector-test",
                        INTERVAL,
                        0.0,
                        10,
                        Duration.ofMillis(100));

        loop.tick();

        assertThat(published)
                .extracting(ReplicaSnapshot::replicaId)
                .containsExactlyInAnyOrder("r0", "r1");
        assertThat(loop.states().get("m|r0").error()).isEqualTo("IllegalStateException: boom");
    }
}
