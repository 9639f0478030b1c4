/**
 * Reindexing: reads every source, archives new versions, rebuilds the index; the one health model of the last run
 * (written to {@code index/reindex-status.json}); the scheduled change check with its own thread.
 */
package dev.policybot.reindex;
