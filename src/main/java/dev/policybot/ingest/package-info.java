/**
 * Fetching (https to public addresses only, under one deadline and a size cap per fetch; files, archives, Open Terms
 * Archive declarations), extraction (HTML, Markdown, PDF, text), clause splitting, the versioned archive, and the
 * reindex health file.
 */
package dev.policybot.ingest;
