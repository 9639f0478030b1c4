package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretShapedPartsAreMaskedAndTheRestIsKept() {
        assertThat(Secrets.redact("https://bot:hunter2-pw@llm.example/v1?api_key=abc123&model=x"))
                .isEqualTo("https://bot:[redacted]@llm.example/v1?api_key=[redacted]&model=x");
        assertThat(Secrets.redact(
                        "token MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB refused"))
                .isEqualTo("token [redacted] refused");
        assertThat(Secrets.redact("Authorization: Bearer abcdef0123456789abcdef"))
                .isEqualTo("Authorization: Bearer [redacted]");
        assertThat(Secrets.redact("key sk-proj-abcdefghijklmnop1234 and AIzaSyA1234567890abcdefghijklmnopqrstuv"))
                .isEqualTo("key [redacted] and [redacted]");
        assertThat(Secrets.redact("https://soundcloud.com/terms-of-use: the server answered HTTP 404 (not found)"))
                .isEqualTo("https://soundcloud.com/terms-of-use: the server answered HTTP 404 (not found)");
    }

    @Test
    void signaturesAuthValuesAndATokenInPlaceOfAUserAreMaskedToo() {
        assertThat(Secrets.redact("https://bucket.example/tos.pdf?X-Amz-Credential=AKIA123&X-Amz-Signature=f00d&x=1"))
                .isEqualTo("https://bucket.example/tos.pdf?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&x=1");
        assertThat(Secrets.redact("https://cdn.example/terms?sig=abc&auth=def&signature=ghi&page=2"))
                .isEqualTo("https://cdn.example/terms?sig=[redacted]&auth=[redacted]&signature=[redacted]&page=2");
        assertThat(Secrets.redact("fetching https://ghp_token123@host.example/tos failed"))
                .isEqualTo("fetching https://[redacted]@host.example/tos failed");
        assertThat(Secrets.redact("https://user:pass@host.example/tos?key=SECRET"))
                .isEqualTo("https://user:[redacted]@host.example/tos?key=[redacted]");
    }

    @Test
    void theCommittedConfigFilesHoldNoSecret() throws IOException {
        for (String name : new String[] {AppConfig.FILE_NAME, SourcesConfig.FILE_NAME}) {
            assertThat(Secrets.lineWithSecret(Files.readString(Path.of("config", name))))
                    .as(name)
                    .isEqualTo(Optional.empty());
        }
    }

    @Test
    void secretKeysAreFoundEvenCommentedOutButPlainSettingsAreNot() {
        assertThat(Secrets.lineWithSecret("llm:\n  provider: openai\n  # apiKey: something\n"))
                .contains(3);
        assertThat(Secrets.lineWithSecret("discord:\n  token: abc\n")).contains(2);
        assertThat(Secrets.lineWithSecret("llm:\n  provider: openai\n  timeout: PT20S\n"
                        + "# Secrets (DISCORD_TOKEN, API keys) are never read from this file\n"))
                .isEmpty();
    }
}
