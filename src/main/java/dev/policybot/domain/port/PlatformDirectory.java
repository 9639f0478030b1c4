package dev.policybot.domain.port;

import dev.policybot.domain.PlatformInfo;
import java.util.List;

/** Port: the platforms PolicyBot knows (for detection in questions and for autocomplete). */
@FunctionalInterface
public interface PlatformDirectory {
    List<PlatformInfo> platforms();
}
