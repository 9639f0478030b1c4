/**
 * One-method ports through which the capabilities reach the world: search, embedding, answer writing, sources,
 * the archive catalog, reindexing, query understanding and translation. Implemented by the adapters.
 */
package dev.policybot.domain.port;
