package dev.policybot.domain.port;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;

/** Port used by the front ends (CLI, Discord): answers one question, end to end. */
@FunctionalInterface
public interface Asker {
    Answer ask(Question question);
}
