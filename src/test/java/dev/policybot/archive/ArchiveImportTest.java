package dev.policybot.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.UserFacingException;
import dev.policybot.fakes.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveImportTest {
    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void datedLayoutTakesNamesAndUrlsFromTheManifest() throws IOException {
        write("tunewave/terms-of-service/2025-01-02.md", "Old terms.");
        write("tunewave/terms-of-service/2026-03-04.md", "New terms.");
        write("manifest.json", """
                [{"service": "TuneWave", "termsType": "Terms of Service", "path": "tunewave/terms-of-service/2026-03-04.md",
                  "date": "2026-03-04", "fetchUrl": "https://tunewave.example/terms"}]""");
        write("README.md", "not a policy");

        List<PolicyVersion> versions = ArchiveImport.read(dir);

        assertThat(versions)
                .extracting(PolicyVersion::date)
                .containsExactly(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 3, 4));
        PolicyVersion current = versions.get(1);
        assertThat(current.platformId()).isEqualTo("tunewave");
        assertThat(current.platform()).isEqualTo("TuneWave");
        assertThat(current.document()).isEqualTo("Terms of Service");
        assertThat(current.url()).isEqualTo("https://tunewave.example/terms");
        assertThat(current.text()).isEqualTo("New terms.");
        assertThat(versions.get(0).platform())
                .as("no manifest entry: name from the folder")
                .isEqualTo("Tunewave");
    }

    @Test
    void singleVersionLayoutUsesFolderAndFileNamesAndTheFileDay() throws IOException {
        write("Couchsurfing/Privacy Policy.md", "We collect what you tell us.");
        Files.setLastModifiedTime(
                dir.resolve("Couchsurfing/Privacy Policy.md"), FileTime.from(Instant.parse("2021-02-08T10:00:00Z")));

        PolicyVersion version = ArchiveImport.read(dir).get(0);

        assertThat(version.documentKey()).isEqualTo("couchsurfing/privacy-policy");
        assertThat(version.platform()).isEqualTo("Couchsurfing");
        assertThat(version.document()).isEqualTo("Privacy Policy");
        assertThat(version.date()).isEqualTo(LocalDate.of(2021, 2, 8));
        assertThat(version.url()).isNull();
    }

    @Test
    void namesThatDifferOnlyInCaseBecomeSeparateDocuments() throws IOException {
        write("GitHub/Terms of Service.md", "one");
        write("Github/Terms of Service.md", "two");

        List<PolicyVersion> versions = ArchiveImport.read(dir);

        assertThat(versions)
                .extracting(PolicyVersion::platform, PolicyVersion::documentKey)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("GitHub", "github/terms-of-service"),
                        Tuple.tuple("Github", "github-2/terms-of-service"));
    }

    @Test
    void theLastTextOfADayIsThatDaysVersion() throws IOException {
        write("tunewave/privacy-policy/2026-03-04.md", "morning");
        write("tunewave/privacy-policy/2026-03-04.2.md", "evening");

        assertThat(ArchiveImport.read(dir))
                .singleElement()
                .extracting(PolicyVersion::text)
                .isEqualTo("evening");
    }

    @Test
    void aMissingFolderIsBadInputNamingIt() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> ArchiveImport.read(missing))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aBrokenManifestIsBadInputNamingTheFile() throws IOException {
        write("manifest.json", "[{\"service\": ");

        assertThatThrownBy(() -> ArchiveImport.read(dir))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("manifest.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aDatedFileWhoseNameIsNoDayIsRefusedNamingItAndTheRestIsImported() throws IOException {
        write("tunes/terms/2024-01-01.md", "# Terms\n\nYou keep your rights.");
        write("tunes/terms/2024-99-99.md", "# Terms\n\nNot a day.");
        write("beats/privacy/2024-02-02.md", "# Privacy\n\nWe collect little.");

        try (CapturedLogs logs = CapturedLogs.attach()) {
            List<PolicyVersion> versions = ArchiveImport.read(dir);

            assertThat(versions)
                    .extracting(PolicyVersion::documentKey, v -> v.date().toString())
                    .containsExactly(
                            Tuple.tuple("beats/privacy", "2024-02-02"), Tuple.tuple("tunes/terms", "2024-01-01"));
            assertThat(logs.lines(Level.WARN))
                    .anySatisfy(
                            line -> assertThat(line).contains("2024-99-99.md").contains("not a day"));
        }
    }

    @Test
    void aSymbolicLinkToAFileOutsideTheArchiveIsNeverReadAndIsNamedAsRefused(@TempDir Path outside) throws IOException {
        write("tunes/terms/2024-01-01.md", "# Terms\n\nYou keep your rights.");
        Path secret = Files.writeString(outside.resolve("secret.txt"), "# Secrets\n\nroot password hunter2");
        Files.createDirectories(dir.resolve("leak/passwords"));
        Files.createSymbolicLink(dir.resolve("leak/passwords/2024-03-01.md"), secret);
        Files.createSymbolicLink(dir.resolve("leak/single.md"), secret);

        try (CapturedLogs logs = CapturedLogs.attach()) {
            List<PolicyVersion> versions = ArchiveImport.read(dir);

            assertThat(versions).extracting(PolicyVersion::text).noneMatch(text -> text.contains("hunter2"));
            assertThat(versions).extracting(PolicyVersion::documentKey).containsExactly("tunes/terms");
            assertThat(logs.lines(Level.WARN))
                    .anySatisfy(
                            line -> assertThat(line).contains("2024-03-01.md").contains("symbolic link"));
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedNamingItAndTheLimit() throws IOException {
        write("tunes/terms/2024-01-01.md", "# Terms\n\nYou keep your rights.");
        write("tunes/terms/2024-02-01.md", "# Terms\n\n" + "We never train on your music. ".repeat(100));

        try (CapturedLogs logs = CapturedLogs.attach()) {
            List<PolicyVersion> versions = ArchiveImport.read(dir, 1_000);

            assertThat(versions).extracting(v -> v.date().toString()).containsExactly("2024-01-01");
            assertThat(logs.lines(Level.WARN))
                    .anySatisfy(line ->
                            assertThat(line).contains("2024-02-01.md").contains("larger than the 1000-byte limit"));
        }
    }

    @Test
    void theDefaultLimitIsTheFetchLimitsDefault() {
        assertThat(ArchiveImport.MAX_FILE_BYTES).isEqualTo(10_000_000L);
    }
}
