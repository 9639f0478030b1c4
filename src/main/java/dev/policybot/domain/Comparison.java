package dev.policybot.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One topic or question answered per platform: for each platform the clauses that address it (quoted and cited), or
 * "not addressed in the documents searched", with the last change of its documents on the topic.
 *
 * @param request what was asked
 * @param subject what the rows answer, in words: the topic's label or the question
 * @param rows    one per platform, in the order of the request's platforms (or group)
 */
public record Comparison(Request request, String subject, List<Row> rows) {
    public Comparison {
        Objects.requireNonNull(request, "request");
        rows = List.copyOf(rows);
    }

    /**
     * What to compare.
     *
     * @param topic     the topic, or {@code null} when a question is given
     * @param question  the question in the asker's words, or {@code null} for the topic's own question
     * @param platforms platforms as people name them (slug, name, alias, or a group's id); empty with no group means all
     * @param group     a group's id or name, or {@code null}
     * @param asOf      the day whose versions to compare, or {@code null} for the current ones
     * @param language  the asker's language code when known, or {@code null}
     */
    public record Request(
            Topic topic, String question, List<String> platforms, String group, LocalDate asOf, String language) {
        public Request {
            question = question == null || question.isBlank() ? null : question.strip();
            platforms = List.copyOf(platforms == null ? List.of() : platforms);
            group = group == null || group.isBlank() ? null : group.strip();
            if (topic == null && question == null) {
                throw UserFacingException.badInput("Give a topic (e.g. ai-training) or a question to compare.");
            }
        }
    }

    /**
     * One platform's answer.
     *
     * @param platformId  platform slug
     * @param platform    display name
     * @param outcome     answered, closest passages, or not addressed (then {@code citations} is empty)
     * @param citations   the quoted clauses, numbered from 1 within the row
     * @param searched    the documents and versions searched, as "Platform · Document (version YYYY-MM-DD)" lines
     * @param lastChange  the newest archived change of the platform's documents on the topic, or {@code null}
     * @param relevance   the answer's relevance score (higher is closer), {@code NaN} when none was computed
     */
    public record Row(
            String platformId,
            String platform,
            Outcome outcome,
            List<Citation> citations,
            List<String> searched,
            LastChange lastChange,
            double relevance) {
        public Row {
            Objects.requireNonNull(platformId, "platformId");
            Objects.requireNonNull(outcome, "outcome");
            citations = outcome == Outcome.NOT_ADDRESSED ? List.of() : List.copyOf(citations);
            searched = List.copyOf(searched);
        }

        /** The version date of the first quoted clause, or {@code null} when nothing is quoted. */
        public LocalDate version() {
            return citations.isEmpty() ? null : citations.get(0).clause().version();
        }

        /** "Spotify · Terms of Service (version 2025-10-03); …", the documents a silent platform was searched in. */
        public String searchedList() {
            return searched.isEmpty() ? platform + "'s indexed documents" : String.join("; ", searched);
        }
    }

    /**
     * The newest change of a platform's documents on the topic.
     *
     * @param document          the document's display name
     * @param from              the version before the change
     * @param to                the day the changed version was archived
     * @param statedDateChanged whether the document's own "last updated" date changed with it; {@code null} when the
     *                          document states none
     * @param toldUs            the "Did they tell us?" sentence
     * @param url               the document's URL, or {@code null}
     */
    public record LastChange(
            String document, LocalDate from, LocalDate to, Boolean statedDateChanged, String toldUs, String url) {
        public LastChange {
            Objects.requireNonNull(to, "to");
        }
    }
}
