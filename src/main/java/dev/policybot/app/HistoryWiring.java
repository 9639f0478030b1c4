package dev.policybot.app;

import dev.policybot.archive.DatedArchive;
import dev.policybot.history.AnswerHistory;
import dev.policybot.history.QuestionHistory;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.topic.TopicClassifier;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers' history lines over the archive folder, made once, and read ahead for the bot. */
final class HistoryWiring {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWiring.class);

    private final Path archiveDir;
    private QuestionHistory lines;

    HistoryWiring(Path archiveDir) {
        this.archiveDir = archiveDir;
    }

    Path archiveDir() {
        return archiveDir;
    }

    synchronized QuestionHistory lines() {
        if (lines == null) {
            DatedArchive archive = new DatedArchive(archiveDir);
            TopicClassifier topics = new TopicClassifier();
            lines = new QuestionHistory(
                    new AnswerHistory(archive, archive, new MarkdownClauseSplitter(), topics), topics);
        }
        return lines;
    }

    /** Reads every document's history on a low-priority thread, so no member's first question about it waits. */
    void warmInBackground() {
        QuestionHistory history = lines();
        Thread warm = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        history.warmUp();
                        LOG.info("Read the archive's history in {} ms", (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException e) {
                        LOG.warn("Reading the archive's history ahead failed; answers read it when they need it", e);
                    }
                },
                "history-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }
}
