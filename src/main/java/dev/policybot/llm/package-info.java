/** The LangChain4j adapter: the in-process embedding model, chat models per provider, prompts and citation parsing. */
package dev.policybot.llm;
