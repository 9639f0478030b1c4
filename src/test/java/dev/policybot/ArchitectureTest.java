package dev.policybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the dependency directions of the README's package map. */
@AnalyzeClasses(packages = "dev.policybot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_imports_no_framework = noClasses().that().resideInAPackage("dev.policybot.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.lucene..", "dev.langchain4j..", "net.dv8tion..", "picocli..",
                    "com.fasterxml.jackson..", "org.jsoup..", "org.commonmark..", "org.apache.pdfbox..",
                    "dev.policybot.search..", "dev.policybot.llm..", "dev.policybot.discord..",
                    "dev.policybot.ingest..", "dev.policybot.cli..", "dev.policybot.config..");

    @ArchTest
    static final ArchRule discord_uses_neither_lucene_nor_langchain4j = noClasses().that()
            .resideInAPackage("dev.policybot.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..",
                    "dev.policybot.search..", "dev.policybot.llm..");

    @ArchTest
    static final ArchRule search_uses_neither_langchain4j_nor_jda = noClasses().that()
            .resideInAPackage("dev.policybot.search..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "net.dv8tion..",
                    "dev.policybot.llm..", "dev.policybot.discord..");

    @ArchTest
    static final ArchRule llm_uses_neither_lucene_nor_jda = noClasses().that()
            .resideInAPackage("dev.policybot.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "net.dv8tion..",
                    "dev.policybot.search..", "dev.policybot.discord..");

    @ArchTest
    static final ArchRule eval_depends_only_on_core = noClasses().that()
            .resideInAPackage("dev.policybot.eval..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "net.dv8tion..",
                    "dev.policybot.discord..", "dev.policybot.cli..");

    @ArchTest
    static final ArchRule query_understanding_depends_only_on_core = noClasses().that()
            .resideInAPackage("dev.policybot.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "dev.langchain4j..",
                    "net.dv8tion..", "dev.policybot.search..", "dev.policybot.llm..", "dev.policybot.discord..",
                    "dev.policybot.ingest..", "dev.policybot.cli..", "dev.policybot.config..");
}
