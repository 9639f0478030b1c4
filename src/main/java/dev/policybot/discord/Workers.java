package dev.policybot.discord;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named threads that do the bot's work (answers, lookups, reindexes) off JDA's event thread. Bounded: when
 * the queue is full, new work is refused and the user is told the bot is busy instead of waiting forever.
 */
public final class Workers {
    public static final String THREAD_PREFIX = "policybot-discord-worker-";

    private Workers() {}

    public static ExecutorService create(int threads, int queue) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + counter.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Lets running work finish (replies in flight are sent), waiting at most {@code grace}. */
    public static boolean drain(ExecutorService workers, Duration grace) {
        workers.shutdown();
        try {
            return workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
