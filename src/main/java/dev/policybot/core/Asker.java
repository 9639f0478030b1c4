package dev.policybot.core;

/** Port used by the front ends (CLI, Discord): answers one question, end to end. */
@FunctionalInterface
public interface Asker {
    Answer ask(Question question);
}
