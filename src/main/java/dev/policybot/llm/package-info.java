/**
 * The LangChain4j adapter: the in-process embedding model, chat models per provider (over a transport that retries
 * 429 and 5xx honouring Retry-After), the answer and translation prompts, and the LLM answer writer that falls back
 * to the extractive answer when the model fails.
 */
package dev.policybot.llm;
