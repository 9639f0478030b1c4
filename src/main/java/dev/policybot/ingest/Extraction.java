package dev.policybot.ingest;

import dev.policybot.config.Selector;
import dev.policybot.domain.UserFacingException;
import dev.policybot.text.TextFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts a document's text as Markdown-like structure, whatever it came as: HTML (jsoup, with selectors),
 * Markdown (kept as written), PDF (PDFBox) or plain text. The kind comes from the content type, else the file
 * name, else the bytes. Character sets are honoured; binary or garbled input is refused.
 */
public final class Extraction {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    enum Kind {
        HTML,
        MARKDOWN,
        PDF,
        TEXT
    }

    private Extraction() {}

    /**
     * @param where names the source in messages (its URL or path)
     * @return the text, never blank
     */
    public static String extract(
            byte[] bytes,
            String contentType,
            String fileName,
            List<Selector> select,
            List<Selector> remove,
            String where) {
        Kind kind = kind(bytes, contentType, fileName, where);
        if (kind != Kind.HTML && !select.isEmpty()) {
            throw UserFacingException.badInput(where + ": select/remove only apply to HTML pages");
        }
        String text = switch (kind) {
            case HTML -> html(bytes, charset(contentType), where, select, remove);
            case PDF -> pdf(bytes, where, PdfLimits.DEFAULT);
            case MARKDOWN -> decodeText(bytes, contentType, where);
            case TEXT -> plainText(decodeText(bytes, contentType, where));
        };
        if (text.isBlank() || MarkdownStructure.read(text).isEmpty()) {
            throw UserFacingException.failure(
                    where + ": the page has no text" + (select.isEmpty() ? "" : " in the selected elements"), null);
        }
        return text.strip() + "\n";
    }

    static Kind kind(byte[] bytes, String contentType, String fileName, String where) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.contains("pdf") || name.endsWith(".pdf") || startsWith(bytes, "%PDF-")) {
            return Kind.PDF;
        }
        if (type.contains("html") || type.contains("xml") || name.endsWith(".html") || name.endsWith(".htm")) {
            return Kind.HTML;
        }
        if (type.contains("markdown") || name.endsWith(".md") || name.endsWith(".markdown")) {
            return Kind.MARKDOWN;
        }
        if (type.startsWith("text/") || name.endsWith(".txt")) {
            return Kind.TEXT;
        }
        if (!type.isEmpty() || !name.isEmpty() && name.contains(".")) {
            throw UserFacingException.badInput(where + ": cannot read "
                    + (type.isEmpty() ? "files like '" + fileName + "'" : "content of type '" + contentType + "'")
                    + " (HTML, Markdown, PDF or plain text only)");
        }
        String head =
                new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") ? Kind.HTML : Kind.TEXT;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return bytes.length >= prefix.length()
                && new String(bytes, 0, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String html(
            byte[] bytes, Charset charset, String where, List<Selector> select, List<Selector> remove) {
        refuseBinary(bytes, where);
        try {
            Document page =
                    Jsoup.parse(new ByteArrayInputStream(bytes), charset == null ? null : charset.name(), where);
            refuseGarbled(page.text(), where);
            return HtmlExtractor.toMarkdown(page, select, remove, where);
        } catch (IOException e) {
            throw UserFacingException.failure(where + ": the HTML cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String decodeText(byte[] bytes, String contentType, String where) {
        refuseBinary(bytes, where);
        Charset charset = charset(contentType);
        String text = TextFiles.decode(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
        refuseGarbled(text, where);
        return text;
    }

    /** Plain text: blank lines separate paragraphs; each paragraph is escaped so it reads back verbatim. */
    static String plainText(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(MarkdownText.escape(paragraph.strip()));
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * How much of a PDF is read: pages, characters of text, the time for extracting the text, and memory: no stream
     * may inflate past {@code maxMemoryBytes} (all together past four times it), checked before PDFBox reads the
     * bytes ({@link PdfStreamBudget}); PDFBox's own stream cache (for streams it writes) has the same cap, in main
     * memory, never spilled to disk.
     */
    record PdfLimits(int maxPages, int maxChars, long maxMemoryBytes, Duration deadline) {
        static final PdfLimits DEFAULT = new PdfLimits(500, 2_000_000, 64_000_000L, Duration.ofSeconds(60));
    }

    static String pdf(byte[] bytes, String where, PdfLimits limits) {
        PdfStreamBudget.require(bytes, limits.maxMemoryBytes(), where);
        try (PDDocument document = Loader.loadPDF(
                bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache)) {
            if (document.getNumberOfPages() > limits.maxPages()) {
                throw UserFacingException.failure(
                        where + ": the PDF has " + document.getNumberOfPages() + " pages, more than the "
                                + limits.maxPages() + " read",
                        null);
            }
            String text = boundedText(document, where, limits);
            refuseGarbled(text, where);
            return plainText(joinWrappedLines(text));
        } catch (IOException e) {
            throw UserFacingException.failure(where + ": the PDF cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    /** The text, page by page, refused as soon as it grows past the limit or the deadline has passed. */
    private static String boundedText(PDDocument document, String where, PdfLimits limits) throws IOException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        StringBuilder text = new StringBuilder();
        Writer bounded = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                if (text.length() + length > limits.maxChars()) {
                    throw UserFacingException.failure(
                            where + ": the PDF's text is longer than " + limits.maxChars() + " characters", null);
                }
                text.append(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void startPage(PDPage page) throws IOException {
                if (System.nanoTime() - deadline >= 0) {
                    throw UserFacingException.failure(
                            where + ": the PDF was not read within "
                                    + limits.deadline().toSeconds() + " s",
                            null);
                }
                super.startPage(page);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setParagraphEnd("\n\n");
        stripper.writeText(document, bounded);
        return text.toString();
    }

    /** PDF lines are wrapped by layout, not by meaning: a paragraph's lines join with spaces. */
    private static String joinWrappedLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            out.append(paragraph.strip().replaceAll("\\s*\n\\s*", " ")).append("\n\n");
        }
        return out.toString();
    }

    /** NUL bytes do not occur in text. */
    private static void refuseBinary(byte[] bytes, String where) {
        for (int i = 0; i < Math.min(bytes.length, 65_536); i++) {
            if (bytes[i] == 0) {
                throw UserFacingException.badInput(where + ": the content is binary, not text");
            }
        }
    }

    /** Replacement characters and control characters mean the bytes were not text in the charset we used. */
    private static void refuseGarbled(String text, String where) {
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                bad++;
            }
        }
        if (text.length() > 0 && bad > 5 && bad * 100 > text.length()) {
            throw UserFacingException.badInput(where + ": the content is garbled (not readable text)");
        }
    }
}
