package dev.policybot.eval.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one measured phase: a few unmeasured warm-up operations, then operations over the inputs in turn until
 * {@code maxOps} are done or the time box is used up, whichever comes first (so a slow system on a busy machine yields
 * fewer samples, and says so in {@link LatencyStats#n()}, instead of blowing the run's time budget).
 */
final class Phases {

    /**
     * @param maxOps  at most this many measured operations
     * @param timeBox at most this long for the measured operations
     * @param warmup  unmeasured operations first (bounded by a third of the time box)
     */
    record Limits(int maxOps, Duration timeBox, int warmup) {}

    private Phases() {}

    /** One thread, one operation at a time. */
    static <T> LatencyStats single(List<T> inputs, Consumer<T> operation, Limits limits) {
        return concurrent(1, inputs, operation, limits);
    }

    /** {@code threads} threads taking the next input in turn; latencies of all of them, throughput of all together. */
    static <T> LatencyStats concurrent(int threads, List<T> inputs, Consumer<T> operation, Limits limits) {
        if (inputs.isEmpty()) {
            return LatencyStats.NONE;
        }
        warmUp(inputs, operation, limits);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + limits.timeBox().toNanos();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[limits.maxOps()];
            perThread.add(latencies);
            int slot = t;
            workers.add(new Thread(
                    () -> {
                        int mine = 0;
                        for (int i = next.getAndIncrement();
                                i < limits.maxOps() && System.nanoTime() < deadline && failure.get() == null;
                                i = next.getAndIncrement()) {
                            long start = System.nanoTime();
                            try {
                                operation.accept(inputs.get(i % inputs.size()));
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                                break;
                            }
                            latencies[mine++] = System.nanoTime() - start;
                        }
                        perThread.set(slot, Arrays.copyOf(latencies, mine));
                        done.addAndGet(mine);
                    },
                    "bench-" + t));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
        long wall = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return LatencyStats.of(all, wall);
    }

    private static <T> void warmUp(List<T> inputs, Consumer<T> operation, Limits limits) {
        long deadline = System.nanoTime() + limits.timeBox().toNanos() / 3;
        for (int i = 0; i < limits.warmup() && System.nanoTime() < deadline; i++) {
            operation.accept(inputs.get((inputs.size() - 1 - i % inputs.size())));
        }
    }
}
