package dev.policybot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatedArchiveTest {

    @TempDir
    Path root;

    @Test
    void names_and_url_come_from_the_documents_state_file() throws IOException {
        write("soundcloud/terms-of-service/2024-02-07.md", "old");
        write("soundcloud/terms-of-service/state.json", """
                {"platform": "SoundCloud", "document": "Terms of Use", "url": "https://soundcloud.com/terms-of-use",
                 "lastChecked": "2026-11-01T00:00:00Z"}""");

        SourceStatus source = new DatedArchive(root).sources().get(0);

        assertThat(source.platform()).isEqualTo("SoundCloud");
        assertThat(source.document()).isEqualTo("Terms of Use");
        assertThat(source.url()).isEqualTo("https://soundcloud.com/terms-of-use");
        assertThat(new DatedArchive(root)
                        .versions("soundcloud", "terms-of-service")
                        .get(0)
                        .platform())
                .isEqualTo("SoundCloud");
    }

    @Test
    void without_state_or_manifest_names_are_made_from_the_folders() throws IOException {
        write("claude-ai/terms-of-service/2024-02-07.md", "text");

        SourceStatus source = new DatedArchive(root).sources().get(0);

        assertThat(source.platform()).isEqualTo("Claude Ai");
        assertThat(source.document()).isEqualTo("Terms of Service");
        assertThat(source.url()).isNull();
    }

    @Test
    void a_day_with_several_texts_counts_with_its_last_one() throws IOException {
        write("p/d/2024-01-01.md", "first");
        write("p/d/2024-05-01.md", "morning");
        write("p/d/2024-05-01.2.md", "noon");
        write("p/d/2024-05-01.10.md", "evening");
        write("p/d/notes.txt", "ignored");

        List<PolicyVersion> versions = new DatedArchive(root).versions("p", "d");

        assertThat(versions)
                .extracting(PolicyVersion::date)
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 1));
        assertThat(versions.get(1).text()).isEqualTo("evening");
        assertThat(new DatedArchive(root).sources().get(0).versions()).isEqualTo(2);
    }

    @Test
    void an_unknown_document_has_no_versions() {
        assertThat(new DatedArchive(root).versions("nobody", "nothing")).isEmpty();
        assertThat(new DatedArchive(root.resolve("missing")).sources()).isEmpty();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
