/**
 * Policy history: compares two versions of a document clause by clause (added, removed, changed with a word-level
 * diff, formatting-only), tags changes with topics, reads the "last updated/effective" date a document states,
 * answers {@code changes} and {@code history}, and turns new versions into alerts recorded in a ledger.
 */
package dev.policybot.history;
