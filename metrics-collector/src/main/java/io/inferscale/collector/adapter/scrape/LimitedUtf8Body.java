package io.inferscale.collector.adapter.scrape;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body as UTF-8 text (the exposition format's only encoding), cancelling the
 * exchange once it grows past the limit so that a runaway target cannot exhaust the heap.
 */
final class LimitedUtf8Body implements HttpResponse.BodySubscriber<String> {
    private final long maxBytes;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;

    LimitedUtf8Body(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
            buffers.add(b);
        }
        if (size > maxBytes) {
            buffers.clear();
            subscription.cancel();
            result.completeExceptionally(
                    new ScrapeFailure("body larger than " + maxBytes + " bytes"));
        }
    }

    @Override
    public void onError(Throwable t) {
        buffers.clear();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            b.get(all, at, n);
            at += n;
        }
        buffers.clear();
        result.complete(new String(all, StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }
}
