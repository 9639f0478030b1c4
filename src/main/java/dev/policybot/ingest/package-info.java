/** Fetching (https, files, archives, Open Terms Archive declarations), extraction (HTML, Markdown, PDF, text), clause splitting, and the versioned archive. */
package dev.policybot.ingest;
