package dev.policybot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.input.AsOfDates;
import dev.policybot.input.Questions;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code search QUERY}: the ranked clauses for a query, as text or JSON. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Shows the clauses that best match a query, best first.")
public final class SearchCommand implements Callable<Integer> {
    public static final String PLATFORM = "--platform";
    public static final String DOCUMENT = "--document";
    public static final String AS_OF = "--as-of";
    public static final String LIMIT = "--limit";
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The words to search for.")
    String[] query;

    @Option(
            names = PLATFORM,
            description = "Only this platform (slug or name); default: the platforms the query names, or all.")
    String platform;

    @Option(names = DOCUMENT, description = "Only this document (slug or name), e.g. terms-of-service.")
    String document;

    @Option(
            names = AS_OF,
            paramLabel = "YYYY-MM-DD",
            description = "Search the versions in force on this day (default: current).")
    String asOf;

    @Option(names = LIMIT, defaultValue = "5", description = "At most this many clauses (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = JSON, description = "Print a JSON array instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit <= 0 || limit > 100) {
            throw UserFacingException.badInput("--limit must be between 1 and 100.");
        }
        SearchRequest request = new SearchRequest(
                Questions.check(String.join(" ", query)),
                platform == null ? Set.of() : Set.of(Slugs.of(platform)),
                document == null ? null : Slugs.of(document),
                day(asOf),
                limit);
        context.ensureIndex(spec.commandLine().getErr());
        SearchResult result = context.clauseSearch().search(request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(result) : text(result));
        out.flush();
        return ExitCodes.OK;
    }

    static LocalDate day(String text) {
        return AsOfDates.parse("--as-of", text);
    }

    static String text(SearchResult result) {
        if (result.hits().isEmpty()) {
            return "No matching clauses.\n";
        }
        StringBuilder out = new StringBuilder();
        int rank = 1;
        for (ScoredClause hit : result.hits()) {
            Clause c = hit.clause();
            out.append(String.format(
                    Locale.ROOT,
                    "%d. [%.3f] %s · %s · %s (version %s)%n",
                    rank++,
                    hit.score(),
                    c.platform(),
                    c.document(),
                    c.section(),
                    c.version()));
            out.append("   ").append(c.text().strip().replaceAll("\\s+", " ")).append('\n');
            String link = link(c);
            if (link != null) {
                out.append("   ").append(link).append('\n');
            }
        }
        return out.toString();
    }

    static String json(SearchResult result) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ScoredClause hit : result.hits()) {
            Clause c = hit.clause();
            ObjectNode node = array.addObject();
            node.put("clauseId", c.id());
            node.put("platform", c.platform());
            node.put("document", c.document());
            node.put("section", c.section());
            node.put("version", c.version().toString());
            node.put("score", hit.score());
            node.put("url", link(c));
            node.put("text", c.text());
        }
        return mapper.writeValueAsString(array) + "\n";
    }

    private static String link(Clause clause) {
        return clause.link();
    }
}
