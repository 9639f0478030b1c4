/**
 * The records every capability shares (clauses, versions, questions, answers, citations, search requests and
 * results, topics) and the typed errors whose sentence a user reads. Imports only the JDK and {@code text}.
 */
package dev.policybot.domain;
