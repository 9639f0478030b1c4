package dev.policybot.domain.port;

/** Receives progress of a long job (a reindex), one step at a time. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, what) -> {};

    /**
     * @param done  steps finished
     * @param total steps in all (0 when unknown)
     * @param what  a short description of the step just finished
     */
    void progress(int done, int total, String what);
}
