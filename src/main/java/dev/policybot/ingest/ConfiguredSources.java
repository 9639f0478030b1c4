package dev.policybot.ingest;

import dev.policybot.archive.ArchiveSource;
import dev.policybot.config.SourcesConfig;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.Source;
import dev.policybot.domain.UserFacingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code sources.yaml} into the sources a reindex reads: one per platform document, one per terms type of
 * each declaration, one per archive folder. An entry the loader found a problem with becomes a source that fails
 * with that problem, so it shows in the report while the others run.
 */
public final class ConfiguredSources {
    private final WebSource web;
    private final FileSource files;
    private final Declarations declarations;

    public ConfiguredSources(WebSource web, FileSource files) {
        this.web = web;
        this.files = files;
        this.declarations = new Declarations(web);
    }

    /** Wires the readers from the fetch settings; only public https addresses are fetched. */
    public static ConfiguredSources create(SourcesConfig.FetchConfig fetch, Clock clock) {
        return create(fetch, clock, OutboundPolicy.PUBLIC_HTTPS_ONLY);
    }

    /** As above with another outbound policy: tests pass {@link OutboundPolicy#LOOPBACK_FOR_TESTS}. */
    public static ConfiguredSources create(SourcesConfig.FetchConfig fetch, Clock clock, OutboundPolicy policy) {
        HttpFetcher fetcher = new HttpFetcher(fetch.timeout(), fetch.maxBytes(), fetch.userAgent(), policy);
        ChromiumRenderer chromium = new ChromiumRenderer(fetch.chromium(), fetch.timeout(), fetch.maxBytes(), policy);
        return new ConfiguredSources(new WebSource(fetcher, chromium, clock), new FileSource(clock, fetch.maxBytes()));
    }

    public List<Source> sources(SourcesConfig.Loaded loaded) {
        List<Source> sources = new ArrayList<>();
        for (SourcesConfig.SourceEntry entry : loaded.entries()) {
            sources.add(entry(entry));
        }
        for (SourcesConfig.LocalPath declaration : loaded.declarations()) {
            if (declaration.problem() != null) {
                sources.add(Declarations.failing(
                        "declarations " + declaration.path(), UserFacingException.badInput(declaration.problem())));
            } else {
                sources.addAll(declarations.sources(declaration.path()));
            }
        }
        for (SourcesConfig.LocalPath archive : loaded.archives()) {
            sources.add(
                    archive.problem() != null
                            ? Declarations.failing(
                                    "archive " + archive.path(), UserFacingException.badInput(archive.problem()))
                            : ArchiveSource.of(archive.path(), files.maxBytes()));
        }
        return sources;
    }

    /** Archive folders given on the command line; they are the user's explicit choice, so no folder check. */
    /**
     * The documents ({@code platform/document} slugs) of {@code sources.yaml} whose pages are marked
     * {@code executeClientScripts}, so they are fetched with Chromium; none when the file cannot be loaded (the
     * listing that asks still works; reindex reports the broken file).
     */
    public static java.util.Set<String> clientRendered(Path configDir) {
        try {
            java.util.Set<String> documents = new java.util.TreeSet<>();
            for (SourcesConfig.SourceEntry entry : SourcesConfig.load(configDir).entries()) {
                if (entry.executeClientScripts()) {
                    documents.add(Slugs.of(entry.platform()) + "/" + Slugs.of(entry.document()));
                }
            }
            return documents;
        } catch (UserFacingException e) {
            return java.util.Set.of();
        }
    }

    public static List<Source> archives(List<Path> folders) {
        return folders.stream().map(ArchiveSource::of).toList();
    }

    private Source entry(SourcesConfig.SourceEntry entry) {
        if (entry.problem() != null) {
            UserFacingException problem = UserFacingException.badInput(entry.problem());
            return new Source(
                    entry.platform() + " · " + entry.document(),
                    Slugs.of(entry.platform()),
                    entry.platform(),
                    Slugs.of(entry.document()),
                    entry.document(),
                    entry.aliases(),
                    known -> {
                        throw problem;
                    });
        }
        if (entry.path() != null) {
            return files.source(entry.platform(), entry.aliases(), entry.document(), entry.path());
        }
        return web.source(
                entry.platform(),
                entry.aliases(),
                entry.document(),
                List.of(new Page(entry.url(), entry.select(), entry.remove(), entry.executeClientScripts())));
    }
}
