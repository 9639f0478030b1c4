package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownClauseSplitterTest {
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();

    private static final String TERMS = """
            **Tunewave Terms of Use**
            =========================

            Last updated: 1 May 2026

            These sections follow:

            *   [Your Content](#your-content)
            *   [Licence](#licence)
            *   [Termination](#termination)

            **Your Content**
            ----------------

            You keep all ownership rights in the audio, artwork and text that you upload to Tunewave ("**Your Content**"). \
            Nothing in these Terms transfers your copyright to us, and you may remove Your Content at any time.

            ## Licence

            By uploading Your Content you grant Tunewave a worldwide, non-exclusive, royalty-free licence to host, \
            stream and make it available to other users, as described in [our help pages](https://help.example/licence).

            You must not use the service to do any of the following:

            - copy tracks;
            - scrape profiles;
            - resell access.

            **Artificial intelligence**

            We will not use Your Content to train generative models that imitate your voice or music without your \
            explicit, opt-in consent, which you may withdraw at any time in your account settings.

            ### Termination

            We may end your account if you break these Terms. We will tell you why, unless the law forbids it, and you \
            can appeal the decision through the form in your settings.

            {"props":{"pageProps":{"config":{"seoTitle":"Buy and sell","seoDescription":"Fast"},"nav":[1,2,3]}}}
            """;

    private List<Clause> split(String markdown, String url) {
        return splitter.split(
                new PolicyVersion("tunewave", "Tunewave", "terms-of-service", "Terms of Service", DAY, url, markdown),
                null);
    }

    @Test
    void clausesFollowHeadingsIncludingSetextAtxAndBoldOnlyLines() {
        List<Clause> clauses = split(TERMS, "https://tunewave.example/terms");

        assertThat(clauses)
                .extracting(Clause::headingPath)
                .contains(
                        List.of("Tunewave Terms of Use", "Your Content"),
                        List.of("Tunewave Terms of Use", "Licence"),
                        List.of("Tunewave Terms of Use", "Licence", "Artificial intelligence"),
                        List.of("Tunewave Terms of Use", "Licence", "Termination"));
    }

    @Test
    void markdownSyntaxIsRemovedButTheWordsStayVerbatim() {
        List<Clause> clauses = split(TERMS, null);

        assertThat(clauses)
                .extracting(Clause::text)
                .anySatisfy(text -> assertThat(text)
                        .contains("you upload to Tunewave (\"Your Content\"). Nothing in these Terms")
                        .doesNotContain("**"))
                .anySatisfy(text -> assertThat(text)
                        .contains("as described in our help pages.")
                        .doesNotContain("](https"));
    }

    @Test
    void aShortListStaysWithItsLeadInSentence() {
        List<Clause> clauses = split(TERMS, null);

        assertThat(clauses)
                .extracting(Clause::text)
                .anySatisfy(
                        text -> assertThat(text)
                                .contains(
                                        "You must not use the service to do any of the following:\ncopy tracks;\nscrape profiles;\nresell access."));
    }

    @Test
    void bannersAndBareHeadingsAreMergedAndTablesOfContentsAndJsonDropped() {
        List<Clause> clauses = split(TERMS, null);

        assertThat(clauses).allSatisfy(c -> assertThat(c.text().length()).isGreaterThanOrEqualTo(150));
        assertThat(clauses)
                .extracting(Clause::text)
                .anySatisfy(text -> assertThat(text).startsWith("Last updated: 1 May 2026"))
                .noneSatisfy(text -> assertThat(text).contains("props"))
                .noneSatisfy(text -> assertThat(text).contains("Termination\n"));
    }

    @Test
    void longParagraphsAreCutAtSentenceBoundariesUnderTheCap() {
        String sentence = "We may share aggregated listening statistics with rights holders and partners. ";
        String markdown = "## Sharing\n\n" + sentence.repeat(60);

        List<Clause> clauses = split(markdown, null);

        assertThat(clauses)
                .hasSizeGreaterThan(2)
                .allSatisfy(c -> assertThat(c.text())
                        .hasSizeLessThanOrEqualTo(ClausePacker.HARD_CAP)
                        .startsWith("We may share")
                        .endsWith("partners."));
    }

    @Test
    void aRunWithoutSpacesNeverExceedsTheCap() {
        List<Clause> clauses = split(
                "Intro text that is long enough to be a clause of its own, really. ".repeat(3) + "\n\n"
                        + "abcdefghij".repeat(900),
                null);

        assertThat(clauses).allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(ClausePacker.HARD_CAP));
    }

    @Test
    void idsNameDocumentAndSectionAndDeepLinksQuoteTheOpeningWords() {
        List<Clause> clauses = split(TERMS, "https://tunewave.example/terms#top");

        Clause ai = clauses.stream()
                .filter(c -> c.text().startsWith("We will not use"))
                .findFirst()
                .orElseThrow();
        assertThat(ai.id()).matches("tunewave/terms-of-service#artificial-intelligence-[0-9a-f]{8}");
        assertThat(ai.deepLink())
                .isEqualTo("https://tunewave.example/terms#:~:text=We%20will%20not%20use%20Your%20Content%20to");
        assertThat(ai.validFrom()).isEqualTo(DAY);
        assertThat(ai.validTo()).isNull();
    }

    @Test
    void theSameTextKeepsItsIdWhenOtherParagraphsChange() {
        List<Clause> before = split(TERMS, null);
        List<Clause> after = split(TERMS.replace("We may end your account", "We may close your account"), null);

        Clause aiBefore = before.stream()
                .filter(c -> c.text().startsWith("We will not use"))
                .findFirst()
                .orElseThrow();
        assertThat(after).extracting(Clause::id).contains(aiBefore.id());
        assertThat(after)
                .extracting(Clause::id)
                .doesNotContainAnyElementsOf(before.stream()
                        .filter(c -> c.text().contains("We may end"))
                        .map(Clause::id)
                        .toList());
    }

    @Test
    void noUrlMeansNoDeepLink() {
        assertThat(split(TERMS, null)).allSatisfy(c -> assertThat(c.deepLink()).isNull());
    }

    @Test
    void pipeTablesBecomeOneClausePerRowWithoutPipes() {
        String markdown = """
                ## What we collect

                | Data | Why we use it |
                | --- | --- |
                | **Listening history**<br>Tracks you play and skip. | To recommend music you may like and to pay artists for every stream that counts under our rules. |
                | Payment details | To charge your subscription and to prevent fraud, as required by the card networks and the law. |
                """;

        List<Clause> clauses = split(markdown, null);

        assertThat(clauses)
                .extracting(Clause::text)
                .anySatisfy(text -> assertThat(text)
                        .contains("Listening history\nTracks you play and skip.\nTo recommend music")
                        .doesNotContain("|"));
    }
}
