package dev.policybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the dependency directions of the package map in docs/ARCHITECTURE.md: one rule per package. The inner
 * packages (domain, text, topic, question, answer, …) list everything they may use; the adapters (ingest, search,
 * llm, discord, cli) list what they must not.
 */
@AnalyzeClasses(packages = "dev.policybot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] JDK = {"java..", "javax.."};
    private static final String LOG = "org.slf4j..";

    @ArchTest
    static final ArchRule domain_imports_nothing_of_the_app = only("domain", "text");

    @ArchTest
    static final ArchRule text_imports_nothing_of_the_app = only("text");

    @ArchTest
    static final ArchRule shared_input_parsing_uses_only_the_domain = only("input", "domain");

    @ArchTest
    static final ArchRule topic_uses_only_domain_and_text = only("topic", "domain", "text");

    @ArchTest
    static final ArchRule question_understanding_uses_only_domain_text_and_topics =
            only("question", "domain", "text", "topic", LOG);

    @ArchTest
    static final ArchRule answers_use_only_domain_text_and_topics = only("answer", "domain", "text", "topic", LOG);

    @ArchTest
    static final ArchRule embedding_caches_use_only_the_domain = only("embedding", "domain", LOG);

    @ArchTest
    static final ArchRule archive_uses_only_domain_text_and_jackson =
            only("archive", "domain", "text", "com.fasterxml.jackson..", LOG);

    @ArchTest
    static final ArchRule history_uses_no_adapter =
            only("history", "domain", "text", "topic", "question", "com.github.difflib..", LOG);

    @ArchTest
    static final ArchRule comparing_uses_the_answer_path_and_the_history_only =
            only("compare", "domain", "text", "topic", "question", "answer", "history", LOG);

    @ArchTest
    static final ArchRule config_uses_only_domain_and_jackson =
            only("config", "domain", "com.fasterxml.jackson..", LOG);

    @ArchTest
    static final ArchRule reindex_uses_archive_history_and_config_only =
            only("reindex", "domain", "text", "archive", "history", "config", "com.fasterxml.jackson..", LOG);

    @ArchTest
    static final ArchRule eval_scores_through_the_ports_only =
            only("eval", "domain", "text", "embedding", "com.fasterxml.jackson..", LOG);

    @ArchTest
    static final ArchRule ingest_uses_no_other_adapter = noClasses()
            .that()
            .resideInAPackage("dev.policybot.ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(app("search", "llm", "discord", "cli", "eval", "reindex", "history", "answer", "app"))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..", "net.dv8tion..");

    @ArchTest
    static final ArchRule search_uses_neither_langchain4j_nor_jda = noClasses()
            .that()
            .resideInAPackage("dev.policybot.search..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(app("llm", "discord", "cli", "eval", "ingest", "reindex", "answer", "app"))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.langchain4j..", "net.dv8tion..");

    @ArchTest
    static final ArchRule llm_uses_neither_lucene_nor_jda = noClasses()
            .that()
            .resideInAPackage("dev.policybot.llm..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(app("search", "discord", "cli", "eval", "ingest", "reindex", "app"))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.lucene..", "net.dv8tion..");

    @ArchTest
    static final ArchRule discord_uses_neither_lucene_nor_langchain4j_nor_the_cli = noClasses()
            .that()
            .resideInAPackage("dev.policybot.discord..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(app("search", "llm", "cli", "eval", "ingest", "archive", "app"))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..", "picocli..");

    @ArchTest
    static final ArchRule cli_uses_neither_discord_nor_the_libraries_behind_the_ports = noClasses()
            .that()
            .resideInAPackage("dev.policybot.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(app("discord", "search", "llm", "app"))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..", "net.dv8tion..");

    @ArchTest
    static final ArchRule nothing_imports_the_wiring = noClasses()
            .that()
            .resideOutsideOfPackages("dev.policybot", "dev.policybot.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.policybot", "dev.policybot.app..");

    /** Classes of {@code pkg} depend only on the JDK, themselves and the given app packages or library patterns. */
    private static ArchRule only(String pkg, String... allowed) {
        List<String> packages = new ArrayList<>(List.of(JDK));
        packages.add("dev.policybot." + pkg + "..");
        for (String a : allowed) {
            packages.add(a.contains(".") ? a : "dev.policybot." + a + "..");
        }
        return classes()
                .that()
                .resideInAPackage("dev.policybot." + pkg + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(packages.toArray(String[]::new));
    }

    private static String[] app(String... names) {
        return Arrays.stream(names).map(n -> "dev.policybot." + n + "..").toArray(String[]::new);
    }
}
