/**
 * Policy history: compares two versions of a document clause by clause (added, removed, changed with a word-level
 * diff, formatting-only), tags changes with topics, and reads the "last updated/effective" date a document states.
 * Also reads the dated archive layout and keeps the record of alerts already sent. Depends on core and
 * java-diff-utils only.
 */
package dev.policybot.history;
