package dev.policybot.eval.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use, after collecting garbage or sampled while work runs. */
final class HeapProbe implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapProbe(long periodMillis) {
        sampler = new Thread(
                () -> {
                    while (running) {
                        peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
                        try {
                            Thread.sleep(periodMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the heap in use (garbage included: it is what the JVM must hold) until closed. */
    static HeapProbe sampling() {
        return new HeapProbe(50);
    }

    /** The largest heap in use seen, in MB. */
    double peakMb() {
        return peak / 1048576.0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** Heap in use after full collections, in MB: what the live objects need. */
    static double liveMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    static double maxMb() {
        return MEMORY.getHeapMemoryUsage().getMax() / 1048576.0;
    }

    /** The machine's one-minute load average (other work competing for the cores). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
