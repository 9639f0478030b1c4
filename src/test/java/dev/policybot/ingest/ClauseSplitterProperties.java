package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Splitting keeps every word of the body exactly once, in order, and gives stable, unique ids. */
class ClauseSplitterProperties {
    /** Heading words are capitalised and never occur in body text, so the body can be compared on its own. */
    private static final List<String> HEADING_WORDS = List.of("Alpha", "Beta", "Gamma", "Delta", "Omega");

    private static final List<String> BODY_WORDS = List.of(
            "you",
            "content",
            "licence",
            "we",
            "may",
            "share",
            "data",
            "with",
            "partners",
            "account",
            "terminate",
            "music",
            "upload",
            "rights",
            "train",
            "models");
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();

    @Property(tries = 200)
    void splittingNeverLosesOrDuplicatesBodyText(@ForAll("documents") String markdown) {
        List<Clause> clauses = split(markdown);

        List<String> fromClauses = bodyWords(clauses.stream().map(Clause::text).collect(Collectors.joining(" ")));
        assertThat(fromClauses).isEqualTo(bodyWords(markdown));
    }

    @Property(tries = 200)
    void idsAreUniqueAndTheSameOnEveryRun(@ForAll("documents") String markdown) {
        List<String> first = split(markdown).stream().map(Clause::id).toList();
        List<String> second = split(markdown).stream().map(Clause::id).toList();

        assertThat(second).isEqualTo(first);
        assertThat(Set.copyOf(first)).hasSameSizeAs(first);
    }

    @Property(tries = 200)
    void noClauseExceedsTheCap(@ForAll("documents") String markdown) {
        assertThat(split(markdown))
                .allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(ClausePacker.HARD_CAP));
    }

    private List<Clause> split(String markdown) {
        return splitter.split(
                new PolicyVersion("p", "P", "d", "D", LocalDate.of(2026, 1, 1), "https://p.example/d", markdown), null);
    }

    private static List<String> bodyWords(String text) {
        return Arrays.stream(text.split("[^a-z]+")).filter(BODY_WORDS::contains).toList();
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> block = Arbitraries.oneOf(heading(), paragraph(), list());
        return block.list().ofMinSize(1).ofMaxSize(25).map(blocks -> String.join("\n\n", blocks));
    }

    private Arbitrary<String> heading() {
        Arbitrary<String> title =
                Arbitraries.of(HEADING_WORDS).list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
        return Combinators.combine(Arbitraries.integers().between(0, 3), title).as((style, t) -> switch (style) {
            case 0 -> "# " + t;
            case 1 -> "## " + t;
            case 2 -> t + "\n" + "-".repeat(t.length());
            default -> "**" + t + "**";
        });
    }

    private Arbitrary<String> sentence() {
        return Arbitraries.of(BODY_WORDS).list().ofMinSize(3).ofMaxSize(40).map(words -> {
            List<String> w = new ArrayList<>(words);
            w.set(0, Character.toUpperCase(w.get(0).charAt(0)) + w.get(0).substring(1));
            return String.join(" ", w) + ".";
        });
    }

    private Arbitrary<String> paragraph() {
        return sentence().list().ofMinSize(1).ofMaxSize(30).map(s -> String.join(" ", s));
    }

    private Arbitrary<String> list() {
        Arbitrary<String> leadIn = sentence().map(s -> s.substring(0, s.length() - 1) + ":");
        Arbitrary<List<String>> items = sentence().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(leadIn, items)
                .as((lead, its) ->
                        lead + "\n\n" + its.stream().map(i -> "* " + i).collect(Collectors.joining("\n")));
    }
}
