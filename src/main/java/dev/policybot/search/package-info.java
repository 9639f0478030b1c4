/** The Lucene adapter: field names, clause↔document mapping, atomic index swap, hybrid BM25 + vector retrieval. */
package dev.policybot.search;
