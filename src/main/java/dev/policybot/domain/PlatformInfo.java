package dev.policybot.domain;

import java.util.List;

/**
 * A platform as users name it.
 *
 * @param id        slug, e.g. {@code soundcloud}
 * @param name      display name, e.g. {@code SoundCloud}
 * @param aliases   other names people type ("SC"), may be empty
 * @param documents display names of its indexed documents
 */
public record PlatformInfo(String id, String name, List<String> aliases, List<String> documents) {
    public PlatformInfo {
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        documents = List.copyOf(documents == null ? List.of() : documents);
    }
}
