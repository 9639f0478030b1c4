package dev.policybot.compare;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.PlatformGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which platforms a comparison covers: the platforms named (by id, display name or alias), the platforms of the
 * groups named, or every indexed platform when none is named. Platforms a group lists that are not indexed are left
 * out (they may be configured but not fetched yet).
 */
public final class PlatformScope {
    private final PlatformDirectory directory;
    private final PlatformGroups groups;

    public PlatformScope(PlatformDirectory directory, PlatformGroups groups) {
        this.directory = directory;
        this.groups = groups;
    }

    /** The platforms of {@code names} and {@code group}, in the order named; all indexed platforms when none is. */
    public List<PlatformInfo> resolve(List<String> names, String group) {
        List<PlatformInfo> indexed = directory.platforms();
        Map<String, PlatformInfo> chosen = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>(names);
        if (group != null) {
            wanted.add(group);
        }
        for (String name : wanted) {
            for (PlatformInfo platform : platformsNamed(name, indexed)) {
                chosen.putIfAbsent(platform.id(), platform);
            }
        }
        if (!wanted.isEmpty()) {
            return List.copyOf(chosen.values());
        }
        return indexed.stream()
                .sorted(Comparator.comparing(PlatformInfo::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The indexed platforms with these ids, in this order (unknown ids left out). */
    public List<PlatformInfo> indexed(List<String> ids) {
        Map<String, PlatformInfo> byId =
                directory.platforms().stream().collect(Collectors.toMap(PlatformInfo::id, p -> p, (a, b) -> a));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    /** The group called {@code name} (its id, in any case and spacing). */
    public Optional<PlatformGroup> group(String name) {
        String wanted = Slugs.of(name);
        return groups.groups().stream().filter(g -> g.id().equals(wanted)).findFirst();
    }

    public List<PlatformGroup> groups() {
        return groups.groups();
    }

    private List<PlatformInfo> platformsNamed(String name, List<PlatformInfo> indexed) {
        String wanted = Slugs.of(name);
        Optional<PlatformInfo> platform =
                indexed.stream().filter(p -> names(p).anyMatch(wanted::equals)).findFirst();
        if (platform.isPresent()) {
            return List.of(platform.get());
        }
        Optional<PlatformGroup> group = group(name);
        if (group.isPresent()) {
            return indexed(group.get().platformIds());
        }
        String known = groups.groups().isEmpty()
                ? ""
                : " Groups: " + groups.groups().stream().map(PlatformGroup::id).collect(Collectors.joining(", ")) + ".";
        throw UserFacingException.badInput(
                "I don't know a platform or group called \"" + name + "\"; see `sources` for the platforms." + known);
    }

    private static Stream<String> names(PlatformInfo platform) {
        return Stream.concat(
                Stream.of(platform.id(), Slugs.of(platform.name())),
                platform.aliases().stream().map(Slugs::of));
    }
}
