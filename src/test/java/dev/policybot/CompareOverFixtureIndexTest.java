package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.policybot.app.AnswerWiring;
import dev.policybot.archive.DatedArchive;
import dev.policybot.compare.CompareService;
import dev.policybot.compare.CrossPlatformAsker;
import dev.policybot.compare.CrossPlatformQuestions;
import dev.policybot.compare.PlatformScope;
import dev.policybot.config.AnswerConfig;
import dev.policybot.config.AppConfig;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Question;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.QueryUnderstanding;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.HistoryService;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.question.DocumentResolver;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.topic.TopicClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} and cross-platform questions over the real parts: hybrid search on a Lucene index in a temp folder
 * (the fixture clauses of Tunebox and Streamly, a deterministic embedder), the product's extractive answering with its
 * outcome decision, and the policy history over a dated archive written here. Root package: only the composition root
 * sees both the search adapter and the answering wiring.
 */
class CompareOverFixtureIndexTest {
    private static final List<PlatformGroup> GROUPS = List.of(
            new PlatformGroup(
                    "music", "music", List.of("music sites", "music platforms"), List.of("tunebox", "streamly")),
            new PlatformGroup("podcasts", "podcasts", List.of("podcast apps"), List.of("streamly")));
    /** The product's configuration with the abstain threshold of the hashed-word stand-in embedder. */
    private static final AppConfig CONFIG = new AppConfig(
            AppConfig.defaults().llm(),
            new AnswerConfig(0.3, null),
            AppConfig.defaults().discord(),
            AppConfig.defaults().alerts());

    @TempDir
    static Path tmp;

    private static LuceneClauseIndex index;
    private static CompareService compare;
    private static PlatformScope scope;
    private static HistoryService history;
    private static final List<Question> singleQuestions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void buildIndexAndArchive() throws Exception {
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        index = new LuceneClauseIndex(tmp.resolve("lucene"), embedder, null);
        index.rebuild(FixtureClauses.all());
        HybridClauseSearch search = new HybridClauseSearch(index, embedder);
        Asker perPlatform = AnswerWiring.extractiveAsker(CONFIG, search, embedder, QueryUnderstanding.NONE);
        DatedArchive archive = new DatedArchive(writeArchive(tmp.resolve("archive")));
        history = new HistoryService(
                new DocumentResolver(archive, null),
                archive,
                new ClauseDiffer(new MarkdownClauseSplitter(), new TopicClassifier()));
        scope = new PlatformScope(index, () -> GROUPS);
        compare = new CompareService(perPlatform, scope, history, new TopicClassifier(), Clock.systemUTC());
    }

    /** Tunebox's terms in two versions: the AI paragraph changed, the stated date did not (a silent change). */
    private static Path writeArchive(Path root) throws Exception {
        Path terms = Files.createDirectories(root.resolve("tunebox/terms-of-service"));
        Files.writeString(
                terms.resolve("2024-01-10.md"),
                "# Terms of Service\n\nLast updated: January 10, 2024\n\n## Artificial intelligence\n\n"
                        + "We may use Content uploaded to the Platform to improve our services, including to develop and "
                        + "train new features such as machine learning models.\n");
        Files.writeString(
                terms.resolve("2026-08-17.md"),
                "# Terms of Service\n\nLast updated: January 10, 2024\n\n## Artificial intelligence\n\n"
                        + FixtureClauses.AI_SENTENCE + "\n");
        return root;
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void a_topic_across_a_group_quotes_the_platform_that_addresses_it_and_says_where_the_other_is_silent() {
        Comparison comparison =
                compare.compare(new Comparison.Request(Topic.AI_TRAINING, null, List.of(), "music", null, null));

        assertThat(comparison.subject()).isEqualTo("AI training");
        assertThat(comparison.rows()).extracting(Comparison.Row::platformId).containsExactly("tunebox", "streamly");
        Comparison.Row tunebox = comparison.rows().get(0);
        assertThat(tunebox.outcome()).isNotEqualTo(Outcome.NOT_ADDRESSED);
        assertThat(tunebox.citations()).extracting(Citation::quote).anyMatch(q -> q.contains("explicitly opt in"));
        assertThat(tunebox.version()).isEqualTo(FixtureClauses.CURRENT);
        assertThat(tunebox.lastChange().to()).isEqualTo(LocalDate.parse("2026-08-17"));
        assertThat(tunebox.lastChange().statedDateChanged()).isFalse();
        assertThat(tunebox.lastChange().toldUs()).contains("⚑");
        Comparison.Row streamly = comparison.rows().get(1);
        assertThat(streamly.outcome()).isEqualTo(Outcome.NOT_ADDRESSED);
        assertThat(streamly.citations()).isEmpty();
        assertThat(streamly.searchedList()).isEqualTo("Streamly · Terms of Service (version 2025-10-03)");
        assertThat(streamly.lastChange()).isNull();
    }

    @Test
    void platforms_are_named_by_name_alias_or_group_and_an_unknown_name_lists_the_groups() {
        assertThat(scope.resolve(List.of("Streamly", "podcasts", "TUNEBOX"), null))
                .extracting(PlatformInfo::id)
                .containsExactly("streamly", "tunebox");
        assertThat(scope.resolve(List.of(), null)).extracting(PlatformInfo::id).containsExactly("streamly", "tunebox");
        assertThatThrownBy(() -> scope.resolve(List.of("jazzbox"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"jazzbox\"")
                .hasMessageContaining("Groups: music, podcasts.");
    }

    @Test
    void an_as_of_day_before_the_change_compares_the_older_version_and_tells_no_later_change() {
        Comparison comparison = compare.compare(new Comparison.Request(
                Topic.AI_TRAINING, null, List.of("tunebox"), null, LocalDate.parse("2025-01-01"), null));

        Comparison.Row tunebox = comparison.rows().get(0);
        assertThat(tunebox.citations()).allMatch(c -> c.clause().validOn(LocalDate.parse("2025-01-01")));
        assertThat(tunebox.lastChange()).isNull();
    }

    @Test
    void a_question_across_a_group_is_answered_per_platform_citing_each_platform_that_addresses_it() {
        CrossPlatformAsker asker =
                new CrossPlatformAsker(recordingSingle(), new CrossPlatformQuestions(scope), compare);

        Answer answer = asker.ask(Question.of("Which music sites train AI models on the songs I upload?"));

        assertThat(answer.outcome()).isNotEqualTo(Outcome.NOT_ADDRESSED);
        assertThat(answer.citations()).extracting(c -> c.clause().platformId()).containsExactly("tunebox");
        assertThat(answer.text())
                .contains("“" + answer.citations().get(0).quote() + "” [1]")
                .contains("Not addressed in the indexed documents of: Streamly.");
        assertThat(answer.platforms()).containsExactly("Tunebox", "Streamly");
        assertThat(answer.note()).contains("each of the 2 platforms was searched on its own");
        assertThat(singleQuestions).isEmpty();
    }

    @Test
    void an_asker_whose_language_is_german_gets_the_per_platform_answer_framed_in_german() {
        CrossPlatformAsker asker =
                new CrossPlatformAsker(recordingSingle(), new CrossPlatformQuestions(scope), compare);

        Answer answer = asker.ask(new Question("Which music sites train AI models on my songs?", null, null, "de"));

        assertThat(answer.language()).isEqualTo("de");
        assertThat(answer.text()).contains("Nicht behandelt in den indexierten Dokumenten von: Streamly.");
        assertThat(answer.note()).contains("jede der 2 Plattformen wurde einzeln durchsucht");
    }

    @Test
    void which_and_several_named_platforms_ask_across_platforms_and_one_named_platform_does_not() {
        CrossPlatformQuestions questions = new CrossPlatformQuestions(scope);

        assertThat(ids(questions, "Do Tunebox or Streamly own my uploads?")).containsExactly("tunebox", "streamly");
        assertThat(ids(questions, "which apps let me keep ownership of my podcasts?"))
                .containsExactly("streamly", "tunebox");
        assertThat(ids(questions, "Do any podcast apps claim my episodes?")).containsExactly("streamly");
        assertThat(ids(questions, "compare tunebox and streamly on ownership")).containsExactly("tunebox", "streamly");
        assertThat(questions.platformsOf("Can Tunebox train AI on my music sites' tracks?"))
                .isEmpty();
        assertThat(questions.platformsOf("Can they train AI on my music?")).isEmpty();
    }

    @Test
    void the_same_sentence_quoted_from_two_documents_nearly_alike_shows_once_in_a_row() {
        Citation terms = new Citation(1, FixtureClauses.AI, FixtureClauses.AI_SENTENCE);
        Citation licence = new Citation(2, FixtureClauses.LICENSE, FixtureClauses.LICENSE.text());
        // as Zoom words one sentence in its terms and its privacy policy: "train Zoom's or its" / "train Zoom or"
        Citation again =
                new Citation(3, FixtureClauses.OLD_AI, FixtureClauses.AI_SENTENCE.replace("explicitly ", "") + " ");
        Asker twice = question ->
                new Answer("…", List.of(terms, licence, again), false, "extractive", List.of(), List.of(), null);
        CompareService service = new CompareService(twice, scope, history, new TopicClassifier(), Clock.systemUTC());

        Comparison comparison =
                service.compare(new Comparison.Request(Topic.AI_TRAINING, null, List.of("tunebox"), null, null, null));

        assertThat(comparison.rows().get(0).citations())
                .extracting(Citation::n, Citation::clause)
                .containsExactly(tuple(1, FixtureClauses.AI), tuple(2, FixtureClauses.LICENSE));
    }

    @Test
    void a_second_platform_named_only_as_a_means_or_a_place_is_no_question_across_platforms() {
        CrossPlatformQuestions questions = new CrossPlatformQuestions(scope);

        // listed platforms ask across them; one mentioned as how or where ("with", "in its channel") does not
        assertThat(ids(questions, "Streamly, Tunebox: who owns my uploads?")).containsExactly("streamly", "tunebox");
        assertThat(ids(questions, "Gehören meine Uploads Tunebox oder Streamly?"))
                .containsExactly("tunebox", "streamly");
        assertThat(questions.platformsOf("if i signed up to tunebox with my streamly login what got shared?"))
                .isEmpty();
        assertThat(questions.platformsOf("Können Leute im Streamly-Kanal meine Tunebox-Uploads sehen?"))
                .isEmpty();
    }

    @Test
    void a_question_about_one_platform_goes_to_the_single_platform_path() {
        singleQuestions.clear();
        CrossPlatformAsker asker =
                new CrossPlatformAsker(recordingSingle(), new CrossPlatformQuestions(scope), compare);

        asker.ask(Question.of("Can Tunebox train AI on my tracks?"));
        asker.ask(new Question("Which music sites train AI on my tracks?", "tunebox", null));

        assertThat(singleQuestions).hasSize(2);
    }

    private static List<String> ids(CrossPlatformQuestions questions, String question) {
        return questions.platformsOf(question).orElseThrow().stream()
                .map(PlatformInfo::id)
                .toList();
    }

    private static Asker recordingSingle() {
        return question -> {
            singleQuestions.add(question);
            return new Answer("single", List.of(), true, "extractive", List.of(), List.of(), null);
        };
    }
}
