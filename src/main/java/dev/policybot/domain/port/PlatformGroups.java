package dev.policybot.domain.port;

import dev.policybot.domain.PlatformGroup;
import java.util.List;

/** Port: the configured groups of platforms ({@code music}, {@code ai-tools}…), checked against the known platforms. */
@FunctionalInterface
public interface PlatformGroups {
    /** No groups configured. */
    PlatformGroups NONE = List::of;

    List<PlatformGroup> groups();
}
