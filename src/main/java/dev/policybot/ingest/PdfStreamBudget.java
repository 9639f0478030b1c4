package dev.policybot.ingest;

import dev.policybot.domain.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The memory cap of PDF reading, checked before PDFBox sees the bytes. PDFBox 3 decodes every stream it reads (the
 * cross-reference and object streams while loading, page contents and fonts while extracting) into a buffer in main
 * memory that nothing bounds; its stream-cache setting only governs streams it writes. So each Flate stream of the
 * raw file is inflated here into a sink that counts and discards: a PDF with one stream inflating past the cap, or
 * all of them past four times the cap, is refused, and whatever PDFBox later decodes fits the cap. Streams of an
 * encrypted PDF and non-Flate filters (LZW, RunLength) cannot be measured this way; the deadline and the heap bound
 * those.
 */
final class PdfStreamBudget {
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private PdfStreamBudget() {}

    /** @throws UserFacingException naming the source when a stream inflates past {@code maxStreamBytes} */
    static void require(byte[] pdf, long maxStreamBytes, String where) {
        long maxTotal = 4 * maxStreamBytes;
        long total = 0;
        byte[] sink = new byte[64 * 1024];
        for (int at = indexOf(pdf, 0); at >= 0; at = indexOf(pdf, at + STREAM.length)) {
            int data = dataStart(pdf, at + STREAM.length);
            if (data < 0 || at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
                continue;
            }
            long size = inflatedSize(pdf, data, sink, Math.min(maxStreamBytes, maxTotal - total) + 1);
            if (size > maxStreamBytes) {
                throw UserFacingException.failure(
                        where + ": a stream of the PDF inflates to more than " + maxStreamBytes
                                + " bytes, the memory it may take",
                        null);
            }
            total += size;
            if (total > maxTotal) {
                throw UserFacingException.failure(
                        where + ": the PDF's streams inflate to more than " + maxTotal + " bytes together", null);
            }
        }
    }

    /** Where a stream's data begins: after the keyword's end of line (CR LF or LF); -1 if no end of line follows. */
    private static int dataStart(byte[] pdf, int afterKeyword) {
        int i = afterKeyword;
        if (i < pdf.length && pdf[i] == '\r') {
            i++;
        }
        return i < pdf.length && pdf[i] == '\n' ? i + 1 : -1;
    }

    /**
     * How many bytes the zlib data at {@code start} inflates to, counting up to {@code stopAfter}; 0 when it is not
     * zlib data (another filter, or encrypted).
     */
    private static long inflatedSize(byte[] pdf, int start, byte[] sink, long stopAfter) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, start, pdf.length - start);
            long size = 0;
            while (!inflater.finished() && size < stopAfter) {
                int n = inflater.inflate(sink);
                if (n == 0) {
                    break; // needs input (truncated) or a dictionary: stop counting
                }
                size += n;
            }
            return size;
        } catch (DataFormatException e) {
            return 0;
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        outer:
        for (int i = from; i <= bytes.length - STREAM.length; i++) {
            for (int j = 0; j < STREAM.length; j++) {
                if (bytes[i + j] != STREAM[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
