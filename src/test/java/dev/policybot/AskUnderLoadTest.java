package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.app.AnswerWiring;
import dev.policybot.config.AppConfig;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Question;
import dev.policybot.domain.port.Asker;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 questions from 16 threads while the index is rebuilt and swapped over and over: no errors, every citation is a
 * clause the index holds, and no searcher (open index files) is leaked.
 */
class AskUnderLoadTest {
    private static final List<String> QUESTIONS = List.of(
            "Can Tunebox train AI on my tracks?",
            "do I keep ownership of my podcasts on Streamly?",
            "Does Tunebox sell my personal data?",
            "how do I close my account?",
            "what license do I give Tunebox?");

    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void two_hundred_asks_from_sixteen_threads_during_reindexes_all_succeed_and_leak_no_files() throws Exception {
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        try (LuceneClauseIndex index = new LuceneClauseIndex(tmp.resolve("lucene"), embedder, null)) {
            index.rebuild(FixtureClauses.all());
            Asker asker = AnswerWiring.asker(
                    AppConfig.defaults(), Map.of(), new HybridClauseSearch(index, embedder), embedder);
            asker.ask(Question.of(QUESTIONS.get(0)));
            long filesBefore = openFiles();

            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger rebuilds = new AtomicInteger();
            AtomicBoolean asking = new AtomicBoolean(true);
            Thread reindexer = new Thread(() -> {
                while (asking.get()) {
                    try {
                        index.rebuild(FixtureClauses.all());
                        rebuilds.incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            });
            reindexer.start();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> asks = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String question = QUESTIONS.get(i % QUESTIONS.size());
                    asks.add(pool.submit(() -> {
                        try {
                            check(asker.ask(Question.of(question)));
                            answered.incrementAndGet();
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }));
                }
                for (Future<?> ask : asks) {
                    ask.get(5, TimeUnit.MINUTES);
                }
            } finally {
                asking.set(false);
                reindexer.join();
                pool.shutdown();
            }

            assertThat(errors).isEmpty();
            assertThat(answered).hasValue(200);
            assertThat(rebuilds.get()).isPositive();
            asker.ask(Question.of(QUESTIONS.get(0)));
            assertThat(openFiles()).as("open files before: " + filesBefore).isLessThanOrEqualTo(filesBefore + 16);
        }
    }

    private static void check(Answer answer) {
        assertThat(answer.text()).isNotBlank();
        for (Citation citation : answer.citations()) {
            assertThat(FixtureClauses.all()).contains(citation.clause());
        }
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
