/** The Lucene adapter: index fields, generations and, clause↔document mapping, atomic index swap, hybrid BM25 + vector retrieval. */
package dev.policybot.search;
