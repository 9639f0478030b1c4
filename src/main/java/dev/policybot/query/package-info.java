/**
 * Question understanding before retrieval, offline and model-free: language detection, a curated German→English
 * glossary of policy vocabulary (with French for the core terms), a lay-wording paraphrase map, and intent rules
 * that point a question at topics and kinds of documents. The word lists are versioned resource files under
 * {@code src/main/resources/policybot/}; this package reads them and implements the core port
 * {@link dev.policybot.core.QueryUnderstanding}. Depends on core only.
 */
package dev.policybot.query;
