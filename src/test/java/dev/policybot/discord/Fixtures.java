package dev.policybot.discord;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.topic.TopicClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-written policy data for the bot's tests: one SoundCloud clause and a few platforms. */
public final class Fixtures {
    public static final String SOUNDCLOUD_CLAUSE_ID = "soundcloud/terms-of-service#grant-of-license-1";
    public static final String SOUNDCLOUD_TEXT =
            "We will not use your content to train generative AI models that aim to "
                    + "replicate or synthesize your voice, music, or likeness without your explicit consent. "
                    + "Any such use requires that you opt in first.";

    private Fixtures() {}

    public static Clause soundCloudClause() {
        return new Clause(
                SOUNDCLOUD_CLAUSE_ID,
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                List.of("Terms of Use", "Grant of License"),
                SOUNDCLOUD_TEXT,
                LocalDate.of(2025, 9, 10),
                null,
                "https://soundcloud.com/terms-of-use",
                "https://soundcloud.com/terms-of-use#:~:text=We%20will%20not%20use%20your%20content");
    }

    public static Answer soundCloudAnswer() {
        Citation citation = new Citation(
                1,
                soundCloudClause(),
                "We will not use your content to train generative AI models that aim to replicate or synthesize "
                        + "your voice, music, or likeness without your explicit consent.");
        return new Answer(
                "No, not without your consent: SoundCloud says \"We will not use your content to train "
                        + "generative AI models\" without your explicit consent [1].",
                List.of(citation),
                false,
                "extractive",
                List.of("SoundCloud"),
                List.of("SoundCloud · Terms of Service (version 2025-09-10)"),
                null);
    }

    /** The SoundCloud answer with its history line: the 2024 clause that the opt-in promise replaced. */
    public static Answer soundCloudAnswerWithHistory() {
        Clause earlier = new Clause(
                "soundcloud/terms-of-service#grant-of-license-2024",
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                List.of("Grant of License"),
                "Your Content may be used to " + "inform, train, develop or serve as input to artificial intelligence.",
                LocalDate.of(2024, 2, 7),
                LocalDate.of(2025, 5, 27),
                "https://soundcloud.com/terms-of-use",
                null);
        Citation before = new Citation(2, earlier, earlier.text());
        HistoryNote note = new HistoryNote(
                LocalDate.of(2025, 5, 27),
                true,
                before,
                LocalDate.of(2024, 2, 7),
                soundCloudAnswer().citations().get(0),
                false);
        return soundCloudAnswer().withHistory(List.of(note));
    }

    /** An answer far beyond every Discord limit: a long text and more citations than fields. */
    public static Answer hugeAnswer() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 12_000; i++) {
            text.append("Sentence number ").append(i).append(" explains one more detail of the licence terms. ");
        }
        List<Citation> citations = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            Clause clause = new Clause(
                    "soundcloud/terms-of-service#section-" + n,
                    "soundcloud",
                    "SoundCloud",
                    "terms-of-service",
                    "Terms of Service",
                    List.of("Section " + n + " " + "x".repeat(300)),
                    "Clause text " + n + ". " + "Long words again and again. ".repeat(200),
                    LocalDate.of(2025, 9, 10),
                    null,
                    "https://soundcloud.com/terms-of-use",
                    "https://soundcloud.com/terms-of-use#:~:text=" + "Long%20words%20".repeat(40));
            citations.add(new Citation(n, clause, "Long words again and again. ".repeat(60)));
        }
        return new Answer(
                text.toString().strip(),
                citations,
                false,
                "extractive",
                List.of("SoundCloud"),
                List.of("SoundCloud · Terms of Service (version 2025-09-10)"),
                "A note. ".repeat(300));
    }

    static List<PlatformInfo> platforms() {
        return List.of(
                new PlatformInfo(
                        "soundcloud",
                        "SoundCloud",
                        List.of("SC", "Sound Cloud"),
                        List.of("Terms of Service", "Privacy Policy")),
                new PlatformInfo("spotify", "Spotify", List.of(), List.of("Terms of Use", "Privacy Policy")),
                new PlatformInfo("zoom", "Zoom", List.of(), List.of("Terms of Service")),
                new PlatformInfo("bandcamp", "Bandcamp", List.of(), List.of("Terms of Use")));
    }

    /**
     * Policy history over two hand-written versions of SoundCloud's terms whose 30 paragraphs all changed (a diff far
     * longer than one reply), through the real clause differ.
     */
    public static ChangeHistory changeHistory() {
        StringBuilder before = new StringBuilder("Last updated: February 7, 2024\n\n");
        StringBuilder after = new StringBuilder("Last updated: February 7, 2024\n\n");
        for (int i = 1; i <= 30; i++) {
            before.append("## Section ")
                    .append(i)
                    .append("\n\nYour Content may be used to inform, train and develop "
                            + "artificial intelligence technologies as part of providing the services, paragraph ")
                    .append(i)
                    .append(", and we may share it with partners for that purpose.\n\n");
            after.append("## Section ")
                    .append(i)
                    .append("\n\nWe will not use your content to train generative AI "
                            + "models without your explicit opt-in consent, paragraph ")
                    .append(i)
                    .append(", and we never share it with partners for that purpose.\n\n");
        }
        PolicyVersion older = new PolicyVersion(
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                LocalDate.of(2024, 2, 7),
                "https://soundcloud.com/terms-of-use",
                before.toString());
        PolicyVersion newer = new PolicyVersion(
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                LocalDate.of(2025, 5, 27),
                "https://soundcloud.com/terms-of-use",
                after.toString());
        DocumentChange change =
                new ClauseDiffer(new MarkdownClauseSplitter(), new TopicClassifier()).diff(older, newer);
        SourceStatus document = new SourceStatus(
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                newer.date(),
                2,
                null,
                null,
                newer.url());
        return new ChangeHistory() {
            @Override
            public List<ChangeResult> changes(ChangeQuery query) {
                return List.of(new ChangeResult(document, change, null, List.of()));
            }

            @Override
            public List<DocumentHistory> history(String platform, String documentName) {
                return List.of(new DocumentHistory(
                        document,
                        List.of(new HistoryEntry(newer.date(), change), new HistoryEntry(older.date(), null))));
            }
        };
    }
}
