package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.config.Selector;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class ExtractionTest {
    private static final String PAGE = """
            <!doctype html><html><head><title>Terms</title><script>var tracking = {a: 1};</script>
            <style>.x{color:red}</style></head><body>
            <nav><a href="/">Home</a> <a href="/help">Help</a></nav>
            <main>
              <h1>TuneWave Terms of Use</h1>
              <p>Last updated: <b>1 May 2026</b></p>
              <h2>Your content</h2>
              <p>You keep the rights in the <em>music</em> you upload. We host it &amp; stream it <a href="/x">as you choose</a>.</p>
              <div class="cookie-banner">We use cookies. Accept?</div>
              <p>You must not:</p>
              <ul><li>copy tracks;</li><li>scrape profiles;<ul><li>including with bots;</li></ul></li></ul>
              <h2>Fees</h2>
              <table><tr><th>Plan</th><th>Price</th></tr><tr><td>Free</td><td>0 € a month, with adverts</td></tr></table>
              <p>* Prices include VAT. 1. This is not a list.</p>
            </main>
            <footer>© TuneWave</footer>
            </body></html>""";

    private static String extract(String html, List<Selector> select, List<Selector> remove) {
        return Extraction.extract(
                html.getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                null,
                select,
                remove,
                "https://tunewave.example/terms");
    }

    private static List<Clause> clauses(String markdown) {
        return new MarkdownClauseSplitter()
                .split(
                        new PolicyVersion(
                                "tunewave", "TuneWave", "terms", "Terms", LocalDate.of(2026, 5, 1), null, markdown),
                        null);
    }

    @Test
    void htmlKeepsHeadingsParagraphsListItemsAndTableRows() {
        String markdown = extract(PAGE, List.of(Selector.of("main")), List.of(Selector.of(".cookie-banner")));

        assertThat(markdown)
                .contains(
                        "# TuneWave Terms of Use",
                        "## Your content",
                        "- copy tracks;",
                        "- including with bots;",
                        "| Free | 0 € a month, with adverts |")
                .doesNotContain("cookies", "Home", "tracking", "color:red", "© TuneWave");
    }

    @Test
    void extractedHtmlSplitsIntoTheVerbatimWords() {
        List<Clause> clauses = clauses(extract(PAGE, List.of(Selector.of("main")), List.of()));

        String all = String.join("\n", clauses.stream().map(Clause::text).toList());
        assertThat(all)
                .contains(
                        "You keep the rights in the music you upload. We host it & stream it as you choose.",
                        "You must not:\ncopy tracks;\nscrape profiles;\nincluding with bots;",
                        "* Prices include VAT. 1. This is not a list.");
        assertThat(clauses).anySatisfy(c -> assertThat(c.headingPath()).startsWith("TuneWave Terms of Use"));
    }

    @Test
    void aRangeSelectorKeepsTheContentBetweenItsEnds() {
        String markdown = extract(PAGE, List.of(new Selector(null, null, "h1", "h2:nth-of-type(2)", null)), List.of());

        assertThat(markdown)
                .contains("Last updated", "You keep the rights", "copy tracks")
                .doesNotContain("TuneWave Terms of Use", "Fees", "Free");
    }

    @Test
    void aSelectorMatchingNothingNamesTheSelectorAndThePage() {
        assertThatThrownBy(() -> extract(PAGE, List.of(Selector.of("#policy")), List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("https://tunewave.example/terms: the selector '#policy' matched nothing on the page "
                        + "(the page layout may have changed)");
    }

    @Test
    void aPageWithNoTextIsRefused() {
        assertThatThrownBy(() -> extract(
                        "<html><body><div class=app></div><script>boot()</script></body></html>", List.of(), List.of()))
                .hasMessage("https://tunewave.example/terms: the page has no text");
    }

    @Test
    void theCharsetOfTheContentTypeIsHonoured() {
        byte[] latin1 = "<p>Les données des abonnés sont protégées et ne sont jamais vendues à des tiers.</p>"
                .getBytes(Charset.forName("ISO-8859-1"));

        String markdown = Extraction.extract(latin1, "text/html; charset=ISO-8859-1", null, List.of(), List.of(), "p");

        assertThat(markdown).contains("Les données des abonnés sont protégées");
    }

    @Test
    void markdownIsKeptAsWritten() {
        String md = "# Terms\n\n**Bold** words and [a link](https://x.example) stay as the source wrote them.\n";

        assertThat(Extraction.extract(md.getBytes(StandardCharsets.UTF_8), null, "terms.md", List.of(), List.of(), "f"))
                .isEqualTo(md);
    }

    @Test
    void plainTextParagraphsReadBackVerbatim() {
        String text = "TUNEWAVE PRIVACY NOTICE\n\n1. We collect your e-mail address_and * nothing else.\n"
                + "# is not a heading here, and <b> is not a tag.\n\n- Not a list either.";

        String markdown = Extraction.extract(
                text.getBytes(StandardCharsets.UTF_8), "text/plain", null, List.of(), List.of(), "t");

        String back =
                String.join(" ", clauses(markdown).stream().map(Clause::text).toList());
        assertThat(back.replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " "));
    }

    @Test
    void aPdfMadeHereIsReadIntoParagraphs() throws IOException {
        byte[] pdf = pdf("TuneWave Privacy Notice", "We never sell your personal data to advertisers or brokers.");

        String markdown = Extraction.extract(pdf, "application/pdf", null, List.of(), List.of(), "notice.pdf");

        assertThat(markdown).contains("TuneWave Privacy Notice").contains("We never sell your personal data");
    }

    @Test
    void anUnparsablePdfIsRefusedWithItsName() {
        byte[] broken = "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Extraction.extract(broken, null, "terms.pdf", List.of(), List.of(), "docs/terms.pdf"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("docs/terms.pdf: the PDF cannot be parsed");
    }

    @Test
    void aPdfOfMoreThan500PagesIsRefusedNamingTheLimit() throws IOException {
        byte[] pdf = pdfOfPages(501, "We never sell your personal data to advertisers or brokers.");

        assertThatThrownBy(() -> Extraction.extract(pdf, "application/pdf", null, List.of(), List.of(), "huge.pdf"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("huge.pdf: the PDF has 501 pages, more than the 500 read");
    }

    @Test
    void pdfTextLongerThanTheLimitIsRefused() throws IOException {
        byte[] pdf = pdfOfPages(3, "We never sell your personal data to advertisers or brokers.");
        Extraction.PdfLimits limits = new Extraction.PdfLimits(500, 100, 64_000_000, Duration.ofMinutes(1));

        assertThatThrownBy(() -> Extraction.pdf(pdf, "long.pdf", limits))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("long.pdf: the PDF's text is longer than 100 characters");
    }

    @Test
    void aPdfWhoseStreamInflatesPastTheMemoryCapIsRefusedBeforePdfBoxReadsIt() throws IOException {
        // given a small PDF whose page content inflates to about 3 MB (comments: no text), and a 1 MB cap
        byte[] pdf = pdfWithInflatingContent(30_000);
        Extraction.PdfLimits limits = new Extraction.PdfLimits(500, 2_000_000, 1_000_000, Duration.ofMinutes(1));
        assertThat(pdf.length).isLessThan(100_000);

        // when it is read, then it is refused naming the cap
        assertThatThrownBy(() -> Extraction.pdf(pdf, "bomb.pdf", limits))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(
                        "bomb.pdf: a stream of the PDF inflates to more than 1000000 bytes, the memory it may take");
        // and the same PDF is read under the default limits
        assertThat(Extraction.pdf(pdf, "bomb.pdf", Extraction.PdfLimits.DEFAULT))
                .contains("We never sell");
    }

    @Test
    void aPdfNotReadByItsDeadlineIsRefused() throws IOException {
        byte[] pdf = pdfOfPages(2, "We never sell your personal data to advertisers or brokers.");
        Extraction.PdfLimits limits = new Extraction.PdfLimits(500, 2_000_000, 64_000_000, Duration.ZERO);

        assertThatThrownBy(() -> Extraction.pdf(pdf, "slow.pdf", limits))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("slow.pdf: the PDF was not read within");
    }

    @Test
    void binaryAndGarbledInputIsRefused() {
        byte[] binary = {'P', 'K', 3, 4, 0, 0, 1, 2};
        byte[] garbled = new byte[400];
        for (int i = 0; i < garbled.length; i++) {
            garbled[i] = (byte) (i % 2 == 0 ? 0x01 : 0x02);
        }

        assertThatThrownBy(() -> Extraction.extract(binary, "text/plain", null, List.of(), List.of(), "a"))
                .hasMessage("a: the content is binary, not text");
        assertThatThrownBy(() -> Extraction.extract(garbled, "text/plain", null, List.of(), List.of(), "b"))
                .hasMessage("b: the content is garbled (not readable text)");
        assertThatThrownBy(() -> Extraction.extract(binary, "image/png", null, List.of(), List.of(), "c"))
                .hasMessageContaining("c: cannot read content of type 'image/png'");
    }

    static byte[] pdfOfPages(int pages, String line) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setFont(font, 12);
                    content.beginText();
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i + ". " + line);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** One page with a line of text, then {@code comments} 100-character comments in its (compressed) content. */
    static byte[] pdfWithInflatingContent(int comments) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.beginText();
                content.newLineAtOffset(72, 700);
                content.showText("We never sell your personal data to advertisers or brokers.");
                content.endText();
                String comment = "%" + " padding".repeat(12) + "...";
                for (int i = 0; i < comments; i++) {
                    content.addComment(comment.substring(1, 100));
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(String... paragraphs) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                float y = 700;
                for (String paragraph : paragraphs) {
                    content.beginText();
                    content.newLineAtOffset(72, y);
                    content.showText(paragraph);
                    content.endText();
                    y -= 48;
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
