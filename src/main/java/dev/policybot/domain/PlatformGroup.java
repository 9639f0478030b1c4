package dev.policybot.domain;

import java.util.List;
import java.util.Objects;

/**
 * A named set of platforms ({@code music}, {@code ai-tools}…) from {@code groups:} in {@code config/sources.yaml}; a
 * platform may be in several.
 *
 * @param id          slug people type ({@code music}, {@code ai-tools})
 * @param name        display name ("Music")
 * @param aliases     phrases that mean the group in a question ("music sites", "AI tools")
 * @param platformIds the platforms' slugs, in the order configured
 */
public record PlatformGroup(String id, String name, List<String> aliases, List<String> platformIds) {
    public PlatformGroup {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        platformIds = List.copyOf(platformIds == null ? List.of() : platformIds);
    }
}
