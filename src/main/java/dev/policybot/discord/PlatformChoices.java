package dev.policybot.discord;

import dev.policybot.core.PlatformDirectory;
import dev.policybot.core.PlatformInfo;
import dev.policybot.core.Slugs;
import dev.policybot.core.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * Platform and document choices for autocomplete, and the check that a typed platform exists. The directory is
 * read at most every {@link #REFRESH} so that autocomplete answers well inside Discord's 3 seconds.
 */
public final class PlatformChoices {
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final PlatformDirectory directory;
    private final Clock clock;
    private List<PlatformInfo> platforms = List.of();
    private Instant readAt = Instant.MIN;

    public PlatformChoices(PlatformDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Platforms whose id, name or alias starts with (first) or contains what was typed; at most 25. */
    public List<Command.Choice> platforms(String typed) {
        String wanted = Slugs.of(typed);
        return platformsMatching(wanted)
                .map(p -> new Command.Choice(TextCutter.fit(p.name(), DiscordLimits.CHOICE_NAME), p.id()))
                .limit(DiscordLimits.CHOICES)
                .toList();
    }

    /** Documents of the chosen platform (of all platforms when none is chosen yet) matching what was typed. */
    public List<Command.Choice> documents(String platform, String typed) {
        String wanted = Slugs.of(typed);
        Optional<PlatformInfo> chosen = find(platform);
        List<PlatformInfo> scope = chosen.map(List::of).orElseGet(this::all);
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (PlatformInfo info : scope) {
            for (String document : info.documents()) {
                String label = chosen.isPresent() ? document : info.name() + " · " + document;
                bySlug.putIfAbsent(Slugs.of(document), label);
            }
        }
        List<Command.Choice> choices = new ArrayList<>();
        bySlug.entrySet().stream()
                .filter(e -> wanted.isEmpty() || e.getKey().contains(wanted) || Slugs.of(e.getValue()).contains(wanted))
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> !e.getKey().startsWith(wanted))
                        .thenComparing(Map.Entry::getValue))
                .limit(DiscordLimits.CHOICES)
                .forEach(e -> choices.add(new Command.Choice(TextCutter.fit(e.getValue(), DiscordLimits.CHOICE_NAME),
                        e.getKey())));
        return choices;
    }

    /** The platform named by an id, a display name or an alias, in any case. */
    public Optional<PlatformInfo> find(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = Slugs.of(value);
        return all().stream().filter(p -> names(p).anyMatch(wanted::equals)).findFirst();
    }

    /**
     * The id of the platform the user named, {@code null} when none was given.
     *
     * @throws UserFacingException when no platform has that name
     */
    public String requireKnown(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return find(value).map(PlatformInfo::id).orElseThrow(() -> UserFacingException.badInput(
                "I don't know a platform called \"" + TextCutter.fit(Embeds.oneLine(value), 60)
                        + "\". Pick one from the list, or see /sources."));
    }

    private Stream<PlatformInfo> platformsMatching(String wanted) {
        return all().stream()
                .filter(p -> wanted.isEmpty() || names(p).anyMatch(name -> name.contains(wanted)))
                .sorted(Comparator.comparing((PlatformInfo p) -> names(p).noneMatch(name -> name.startsWith(wanted)))
                        .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)));
    }

    private static Stream<String> names(PlatformInfo platform) {
        return Stream.concat(Stream.of(platform.id(), Slugs.of(platform.name())),
                platform.aliases().stream().map(Slugs::of));
    }

    private synchronized List<PlatformInfo> all() {
        Instant now = clock.instant();
        if (platforms.isEmpty() || readAt.plus(REFRESH).isBefore(now)) {
            platforms = List.copyOf(directory.platforms());
            readAt = now;
        }
        return platforms;
    }
}
