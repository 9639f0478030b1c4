package dev.policybot.app;

import java.nio.file.Path;

/**
 * Points the native-library caches of ONNX Runtime and DJL (used by the in-process embedding model) at the temp
 * directory instead of the user's home, unless the operator chose otherwise.
 */
public final class NativeCaches {
    private NativeCaches() {}

    public static void configure() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "policybot-native");
        setIfAbsent("DJL_CACHE_DIR", base.resolve("djl").toString());
        setIfAbsent("ENGINE_CACHE_DIR", base.resolve("djl").toString());
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
