package org.blkflow.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The last few answers of a deterministic replay, by key, shared by everyone who asks. A class stepping
 * through a lesson together asks the same question at the same step within seconds: the first request
 * works it out, the rest wait for that one answer instead of each replaying the run again. Requests
 * for one key that arrive while it is being worked out join it. A failed answer is not kept.
 */
final class SharedAnswers<K, V> {

    private final int capacity;
    private final Map<K, CompletableFuture<V>> recent;

    SharedAnswers(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > SharedAnswers.this.capacity;
            }
        };
    }

    V get(K key, Supplier<V> workOut) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> answer;
        synchronized (recent) {
            answer = recent.putIfAbsent(key, mine);
        }
        if (answer == null) {
            try {
                mine.complete(workOut.get());
            } catch (RuntimeException | Error e) {
                synchronized (recent) {
                    recent.remove(key, mine);
                }
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            // The one working it out failed (busy, say): this request tries on its own.
            return get(key, workOut);
        }
    }

    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }
}
