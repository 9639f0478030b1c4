package dev.policybot.cli;

import dev.policybot.domain.port.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far an index build is: on a terminal one bar redrawn in place, with clauses embedded / total and the time
 * left at the pace so far; otherwise (a log, a pipe) one line about every 10%, so a log does not fill with bars.
 */
public final class BuildProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long firstNanos = -1;
    private int firstDone;
    private int lastTenth = -1;

    /**
     * @param out      where progress goes (stderr)
     * @param terminal whether {@code out} is a terminal (a bar) or not (a line per tenth)
     * @param nanoTime the clock the time left is measured with
     */
    public BuildProgress(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Progress to stderr of this process: a bar when it is a terminal. */
    public static BuildProgress toConsole(PrintWriter err) {
        return new BuildProgress(err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void progress(int done, int total, String what) {
        long now = nanoTime.getAsLong();
        if (firstNanos < 0) {
            firstNanos = now;
            firstDone = done;
        }
        if (total <= 0) {
            return;
        }
        int tenth = (int) Math.min(10, 10L * done / total);
        if (terminal) {
            int filled = (int) ((long) done * WIDTH / total);
            out.printf(
                    Locale.ROOT,
                    "\r[%s%s] %,d/%,d %s, %s   ",
                    "#".repeat(filled),
                    " ".repeat(WIDTH - filled),
                    done,
                    total,
                    what,
                    timeLeft(done, total, now));
            if (done >= total) {
                out.println();
            }
        } else if (tenth > lastTenth) {
            lastTenth = tenth;
            out.printf(
                    Locale.ROOT, "%3d%%  %,d/%,d %s, %s%n", tenth * 10, done, total, what, timeLeft(done, total, now));
        }
        out.flush();
    }

    /**
     * "1 min 20 s left" at the pace since the first report (the work before it, such as loading the model, is not
     * the pace); "done" at the end; "time left unknown" until a second report gives a pace.
     */
    private String timeLeft(int done, int total, long now) {
        if (done >= total) {
            return "done";
        }
        long elapsed = now - firstNanos;
        if (done <= firstDone || elapsed <= 0) {
            return "time left unknown";
        }
        long seconds = Math.round(elapsed / 1e9 / (done - firstDone) * (total - done));
        return (seconds >= 60 ? seconds / 60 + " min " : "") + seconds % 60 + " s left";
    }
}
