/** The LangChain4j baselines that {@code eval} and {@code bench} compare against: Easy RAG and an in-memory store. */
package dev.policybot.llm.baseline;
