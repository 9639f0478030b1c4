/** Caches in front of the {@code Embedder} port: vectors by model and content hash on disk, and recent queries in memory. */
package dev.policybot.embedding;
