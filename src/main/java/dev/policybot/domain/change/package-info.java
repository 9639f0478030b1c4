/**
 * What changed between two versions of a document: clause changes with word-level segments, document changes,
 * history entries, change queries and results, alerts, and the ports that diff versions and send and remember alerts.
 */
package dev.policybot.domain.change;
