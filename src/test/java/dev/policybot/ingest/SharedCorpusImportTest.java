package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.VersionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Imports the shared data sets when they exist (skipped otherwise). */
class SharedCorpusImportTest {
    private static final Path SHARED = Path.of("..", "shared");

    private static Path shared(String relative) {
        Path dir = SHARED.resolve(relative);
        assumeTrue(Files.isDirectory(dir), dir + " is not present");
        return dir;
    }

    @Test
    void theCorpusHas166VersionsOf61PlatformsWithSoundCloudTermsHistory() {
        List<PolicyVersion> versions = ArchiveImport.read(shared("corpus"));

        assertThat(versions).hasSize(166);
        assertThat(versions.stream().map(PolicyVersion::platformId).distinct()).hasSize(61);
        List<PolicyVersion> soundcloudTerms = versions.stream()
                .filter(v -> v.documentKey().equals("soundcloud/terms-of-service"))
                .toList();
        assertThat(soundcloudTerms).hasSize(19);
        assertThat(soundcloudTerms.get(18).date()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(soundcloudTerms.get(18).platform()).isEqualTo("SoundCloud");
        assertThat(versions)
                .filteredOn(v -> v.platformId().equals("claude-ai"))
                .allSatisfy(v -> assertThat(v.platform()).isEqualTo("Claude.ai"));
    }

    @Test
    void everyCorpusClauseIsUniqueAndUnderTheCap() {
        List<Clause> clauses =
                VersionHistory.splitAll(ArchiveImport.read(shared("corpus")), new MarkdownClauseSplitter());

        Set<String> keys = new HashSet<>();
        assertThat(clauses)
                .allSatisfy(c ->
                        assertThat(keys.add(c.versionKey())).as(c.versionKey()).isTrue());
        assertThat(clauses).allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(ClausePacker.HARD_CAP));
        assertThat(clauses)
                .filteredOn(c -> c.documentKey().equals("soundcloud/terms-of-service") && c.isCurrent())
                .anySatisfy(c -> assertThat(c.text()).contains("We will not use your content to train generative AI"));
    }

    @Test
    void theToSDRAndPolicyQADocumentsImport() {
        List<PolicyVersion> tosdr = ArchiveImport.read(shared("eval/tosdr/documents"));
        List<PolicyVersion> policyqa = ArchiveImport.read(shared("eval/policyqa/documents"));

        assertThat(tosdr).hasSize(445);
        assertThat(tosdr).extracting(PolicyVersion::documentKey).contains("couchsurfing/privacy-policy");
        assertThat(policyqa).hasSize(40);
        assertThat(tosdr.stream().map(PolicyVersion::documentKey).collect(Collectors.toSet()))
                .hasSize(445);
    }
}
