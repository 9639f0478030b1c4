package dev.policybot.config;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Slugs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code groups:} of {@code sources.yaml}, checked: a group needs a name no other group or platform has, and
 * platforms that are configured or archived. Every problem stops the load with one message naming file, line and key.
 * One exception: an index folder whose archive holds none of a group's platforms (a test index, an archive of other
 * sources) cannot tell a typo from a platform it never imported, so there the group keeps only the configured ones.
 */
public final class GroupEntries {
    private static final Logger LOG = LoggerFactory.getLogger(GroupEntries.class);

    private GroupEntries() {}

    /**
     * One configured group, its names as written.
     *
     * @param origin "file, line N, key groups[i]", for messages
     */
    public record Entry(String id, List<String> aliases, List<String> platforms, String origin) {
        public Entry {
            aliases = List.copyOf(aliases);
            platforms = List.copyOf(platforms);
        }
    }

    static List<Entry> of(Path file, List<String> lines, List<SourcesConfig.GroupConfig> groups) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int groupsLine = SourcesConfig.lineOf(lines, "groups", null, 0);
        for (int i = 0; i < groups.size(); i++) {
            SourcesConfig.GroupConfig group = groups.get(i);
            String id = Slugs.of(group.name());
            String origin = file + ", line " + SourcesConfig.lineOf(lines, "name", group.name(), groupsLine)
                    + ", key groups[" + i + "]";
            if (id.isEmpty()) {
                throw new ConfigException(origin + ": the group name '" + group.name() + "' has no letters or digits");
            }
            if (!seen.add(id)) {
                throw new ConfigException(origin + ": the group '" + group.name() + "' is listed twice");
            }
            if (group.platforms().isEmpty()) {
                throw new ConfigException(origin + ": the group '" + group.name() + "' lists no platforms");
            }
            entries.add(new Entry(id, group.aliases(), group.platforms(), origin));
        }
        return entries;
    }

    /** The groups with platform names turned into the known platforms' slugs. */
    static List<PlatformGroup> resolve(
            List<Entry> groups, List<SourcesConfig.SourceEntry> sources, List<PlatformInfo> known) {
        Map<String, String> ids = new HashMap<>();
        for (PlatformInfo platform : known) {
            ids.putIfAbsent(platform.id(), platform.id());
            ids.putIfAbsent(Slugs.of(platform.name()), platform.id());
            platform.aliases().forEach(alias -> ids.putIfAbsent(Slugs.of(alias), platform.id()));
        }
        for (SourcesConfig.SourceEntry source : sources) {
            String id = Slugs.of(source.platform());
            ids.putIfAbsent(id, id);
            source.aliases().forEach(alias -> ids.putIfAbsent(Slugs.of(alias), id));
        }
        Set<String> archived = new HashSet<>();
        known.forEach(platform -> archived.add(platform.id()));
        List<PlatformGroup> resolved = new ArrayList<>();
        for (Entry group : groups) {
            if (ids.containsKey(group.id())) {
                throw new ConfigException(group.origin() + ": the group name '" + group.id()
                        + "' is also a platform's name; give the group another name");
            }
            Set<String> platforms = new LinkedHashSet<>();
            boolean archiveKnowsTheGroup = group.platforms().stream()
                    .map(named -> ids.get(Slugs.of(named)))
                    .anyMatch(archived::contains);
            for (int p = 0; p < group.platforms().size(); p++) {
                String named = group.platforms().get(p);
                String id = ids.get(Slugs.of(named));
                if (id == null && !archiveKnowsTheGroup) {
                    LOG.debug(
                            "{}.platforms[{}]: '{}' left out, this archive holds none of the group",
                            group.origin(),
                            p,
                            named);
                    continue;
                }
                if (id == null) {
                    throw new ConfigException(group.origin() + ".platforms[" + p + "]: unknown platform '" + named
                            + "' in group '" + group.id() + "' (neither configured under platforms: nor archived; "
                            + "'sources' lists the known ones)");
                }
                platforms.add(id);
            }
            resolved.add(new PlatformGroup(group.id(), group.id(), group.aliases(), List.copyOf(platforms)));
        }
        return resolved;
    }
}
