package dev.policybot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Kann ich bei SoundCloud personalisierte Werbung abschalten?",
                "Wie viel vom Geld bekommen Künstler bei Bandcamp eigentlich?",
                "Ist es bei Deezer erlaubt, Streams mit Bots künstlich hochzutreiben?",
                "Verkauft Discord meine Daten an Werbefirmen?",
                "Kann ich einen Kauf im iTunes Store innerhalb von 14 Tagen widerrufen?",
                "KI-Training bei Spotify?",
                "Datenweitergabe an Dritte",
                "Löschung meines Kontos",
                "Nutzungsbedingungen TikTok Mindestalter",
                "wie lange speichert zoom meine anrufe",
                "gibt es ein opt-out fuer ki training"
            })
    void reads_german_questions_as_german(String question) {
        assertThat(Languages.detect(question)).isEqualTo("de");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "uninstalled soundcloud from my phone, does that close my account or nah?",
                "im 15 can i use tiktok",
                "does X hand my data to other companies so they can train their own AI?",
                "can i pass off gemini-generated stuff as my own handmade work?",
                "Spotify licensing",
                "how much does amazon music pay artists per stream?",
                "personalised advertising settings"
            })
    void reads_english_questions_and_bare_keywords_as_english(String question) {
        assertThat(Languages.detect(question)).isEqualTo("en");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Puis-je supprimer mon compte et mes données ?",
                "Vous pouvez supprimer votre compte et toutes les données personnelles associées à votre compte"
            })
    void reads_french_as_french(String text) {
        assertThat(Languages.detect(text)).isEqualTo("fr");
    }

    /**
     * "de" is a Dutch marker, and this French clause (Apple's terms) has as many of it as French markers; the answer
     * once depended on the iteration order of an immutable map, which differs from one JVM to the next.
     */
    @Test
    void a_tie_between_languages_is_decided_the_same_way_every_time() throws Exception {
        String clause = "Droit de rétractation : si vous choisissez de vous rétracter de votre commande, vous avez la "
                + "possibilité de le faire dans les quatorze (14) jours à compter de la réception de votre reçu sans "
                + "donner de raison.";

        assertThat(Languages.detect(clause)).isEqualTo("fr");
        for (int run = 0; run < 6; run++) {
            assertThat(detectInAFreshJvm(clause)).as("a fresh JVM, run " + run).isEqualTo("fr");
        }
    }

    /** Immutable maps change their iteration order per JVM; only a fresh process shows an order-dependent answer. */
    private static String detectInAFreshJvm(String text) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        javaBin, "-cp", System.getProperty("java.class.path"), DetectMain.class.getName(), text)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.strip();
    }

    /** Entry point of the fresh JVM above. */
    public static final class DetectMain {
        public static void main(String[] args) {
            System.out.println(Languages.detect(args[0]));
        }
    }

    /** The word shapes as first written, as a regex: the string tests must say the same of every word. */
    private static final Pattern GERMAN_SHAPE_REGEX = Pattern.compile(
            "(?:ung|ungen|keit|heit|schaft|lich|liche|lichen|isch|ische|ieren|iert)$|\\p{L}sch|weitergabe|bedingung");

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.of(
                        "sch",
                        "ung",
                        "en",
                        "keit",
                        "lich",
                        "e",
                        "isch",
                        "ier",
                        "t",
                        "weitergabe",
                        "bedingung",
                        "daten",
                        "a",
                        "1",
                        "ä",
                        "ß",
                        "s",
                        "ch",
                        "_",
                        "x")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void german_word_shapes_are_those_of_the_regex(@ForAll("words") String word) {
        assertThat(Languages.germanShape(word))
                .as(word)
                .isEqualTo(GERMAN_SHAPE_REGEX.matcher(word).find());
    }
}
