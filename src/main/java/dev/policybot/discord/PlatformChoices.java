package dev.policybot.discord;

import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.Embeds;
import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.PlatformDirectory;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform and document choices for autocomplete, and the check that a typed platform exists. These run on JDA's
 * event thread, which must acknowledge every interaction within Discord's 3 seconds, so they never wait for the
 * directory: it is read at most every {@link #REFRESH} on the refresh executor, and meanwhile the last list is used.
 * (The directory may be slow: the Lucene index makes readers wait while a reindex swaps it.) Only before the first
 * read has finished do they wait, at most {@link #FIRST_READ_WAIT}; until then a typed platform is taken as given.
 */
public final class PlatformChoices {
    /** The option names every command uses for a platform and one of its documents. */
    static final String PLATFORM_OPTION = "platform";

    static final String DOCUMENT_OPTION = "document";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformChoices.class);
    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Duration FIRST_READ_WAIT = Duration.ofSeconds(1);

    private final PlatformDirectory directory;
    private final Clock clock;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private volatile List<PlatformInfo> platforms;
    private volatile Instant readAt = Instant.MIN;

    /** Reads the directory on the calling thread when due (for tests and tools). */
    public PlatformChoices(PlatformDirectory directory, Clock clock) {
        this(directory, clock, Runnable::run);
    }

    /** @param refresher runs the directory reads (the bot's workers), so that no caller waits for one */
    public PlatformChoices(PlatformDirectory directory, Clock clock, Executor refresher) {
        this.directory = directory;
        this.clock = clock;
        this.refresher = refresher;
    }

    /** Platforms whose id, name or alias starts with (first) or contains what was typed; at most 25. */
    public List<Command.Choice> platforms(String typed) {
        String wanted = Slugs.of(typed);
        return platformsMatching(wanted)
                .map(p -> new Command.Choice(TextCutter.fit(p.name(), DiscordLimits.CHOICE_NAME), p.id()))
                .limit(DiscordLimits.CHOICES)
                .toList();
    }

    /**
     * Choices for a command's {@code platform} and {@code document} options (the document among the platform already
     * filled in); none for any other option.
     */
    public List<Command.Choice> platformOrDocument(String option, String typed, Map<String, String> filled) {
        return switch (option) {
            case PLATFORM_OPTION -> platforms(typed);
            case DOCUMENT_OPTION -> documents(filled.get(PLATFORM_OPTION), typed);
            default -> List.of();
        };
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
                .filter(e -> wanted.isEmpty()
                        || e.getKey().contains(wanted)
                        || Slugs.of(e.getValue()).contains(wanted))
                .sorted(Comparator.comparing(
                                (Map.Entry<String, String> e) -> !e.getKey().startsWith(wanted))
                        .thenComparing(Map.Entry::getValue))
                .limit(DiscordLimits.CHOICES)
                .forEach(e -> choices.add(
                        new Command.Choice(TextCutter.fit(e.getValue(), DiscordLimits.CHOICE_NAME), e.getKey())));
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
     * The id of the platform the user named, {@code null} when none was given. Before the platform list was ever read
     * (just after start, with a slow directory), the name is taken as given, as a slug.
     *
     * @throws UserFacingException when no platform has that name
     */
    public String requireKnown(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<PlatformInfo> known = all();
        if (platforms == null) {
            return Slugs.of(value);
        }
        String wanted = Slugs.of(value);
        return known.stream()
                .filter(p -> names(p).anyMatch(wanted::equals))
                .findFirst()
                .map(PlatformInfo::id)
                .orElseThrow(() -> UserFacingException.badInput("I don't know a platform called \""
                        + TextCutter.fit(Embeds.oneLine(value), 60) + "\". Pick one from the list, or see /sources."));
    }

    private Stream<PlatformInfo> platformsMatching(String wanted) {
        return all().stream()
                .filter(p -> wanted.isEmpty() || names(p).anyMatch(name -> name.contains(wanted)))
                .sorted(Comparator.comparing((PlatformInfo p) -> names(p).noneMatch(name -> name.startsWith(wanted)))
                        .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)));
    }

    private static Stream<String> names(PlatformInfo platform) {
        return Stream.concat(
                Stream.of(platform.id(), Slugs.of(platform.name())),
                platform.aliases().stream().map(Slugs::of));
    }

    /** The platforms as last read; starts a read when due, and waits only for the very first one (bounded). */
    private List<PlatformInfo> all() {
        List<PlatformInfo> current = platforms;
        if (current == null || readAt.plus(REFRESH).isBefore(clock.instant())) {
            refresh();
        }
        if (platforms == null && refreshing.get()) {
            awaitFirstRead();
        }
        current = platforms;
        return current == null ? List.of() : current;
    }

    /** Starts one read of the directory unless one is running. */
    private void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(this::read);
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
            LOG.debug("Platform list refresh not started: {}", e.toString());
        }
    }

    private void read() {
        try {
            platforms = List.copyOf(directory.platforms());
            readAt = clock.instant();
        } catch (RuntimeException e) {
            // e.g. no index yet: keep the last list; the command that needs the index says what is wrong
            LOG.debug("Could not read the platform list: {}", e.toString());
        } finally {
            refreshing.set(false);
        }
        // only now: a caller released by the first read may at once find a refresh due, and must be able to start it
        if (platforms != null) {
            firstRead.countDown();
        }
    }

    private void awaitFirstRead() {
        try {
            firstRead.await(FIRST_READ_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
