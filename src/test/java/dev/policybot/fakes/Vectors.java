package dev.policybot.fakes;

/** Vector arithmetic for tests, written apart from production so an expectation does not repeat the code it checks. */
public final class Vectors {
    private Vectors() {}

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
