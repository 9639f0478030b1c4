package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A document published on the web, fetched now: one page (with conditional requests) or several combined in
 * order. The version is dated today.
 */
public final class WebSource {
    private final HttpFetcher fetcher;
    private final ChromiumRenderer chromium;
    private final Clock clock;

    public WebSource(HttpFetcher fetcher, ChromiumRenderer chromium, Clock clock) {
        this.fetcher = fetcher;
        this.chromium = chromium;
        this.clock = clock;
    }

    public Source source(String platform, List<String> aliases, String document, List<Page> pages) {
        String platformId = Slugs.of(platform);
        String documentId = Slugs.of(document);
        return new Source(
                platform + " · " + document,
                platformId,
                platform,
                documentId,
                document,
                aliases,
                known -> List.of(read(platformId, platform, documentId, document, pages, known)));
    }

    private SourceDocument read(
            String platformId,
            String platform,
            String documentId,
            String document,
            List<Page> pages,
            BiFunction<String, String, SourceDocument.Validators> known) {
        boolean conditional = pages.size() == 1 && !pages.get(0).executeClientScripts();
        SourceDocument.Validators validators = SourceDocument.Validators.NONE;
        List<String> texts = new ArrayList<>();
        for (Page page : pages) {
            if (page.executeClientScripts()) {
                byte[] dom = chromium.render(page.url());
                texts.add(Extraction.extract(
                        dom,
                        ChromiumRenderer.contentType(),
                        null,
                        page.select(),
                        page.remove(),
                        Secrets.redact(page.url())));
                continue;
            }
            HttpFetcher.Response response = fetcher.fetch(
                    page.url(), conditional ? known.apply(platformId, documentId) : SourceDocument.Validators.NONE);
            if (response.notModified()) {
                return new SourceDocument(
                        platformId,
                        platform,
                        documentId,
                        document,
                        Secrets.redact(page.url()),
                        List.of(),
                        true,
                        response.validators(),
                        false);
            }
            validators = conditional ? response.validators() : SourceDocument.Validators.NONE;
            texts.add(Extraction.extract(
                    response.body(),
                    response.contentType(),
                    fileName(response.uri().getPath()),
                    page.select(),
                    page.remove(),
                    Secrets.redact(page.url())));
        }
        // the URL is shown with citations and in 'sources': never with credentials a config may carry
        String url = Secrets.redact(pages.get(0).url());
        PolicyVersion version = new PolicyVersion(
                platformId, platform, documentId, document, LocalDate.now(clock), url, String.join("\n", texts));
        return new SourceDocument(
                platformId, platform, documentId, document, url, List.of(version), false, validators, false);
    }

    private static String fileName(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name : null;
    }
}
