/**
 * Fetching (https to public addresses only, under one deadline and a size cap per fetch; local files, Open Terms
 * Archive declarations), extraction (HTML, Markdown, PDF, text) and clause splitting.
 */
package dev.policybot.ingest;
