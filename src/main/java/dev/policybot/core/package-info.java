/**
 * The domain of PolicyBot: clauses, versions, answers and citations, the one-method ports through which
 * the core talks to the world (search, embedding, answering, archive), the services that orchestrate them,
 * and the typed errors that carry a sentence a person understands. Imports no framework.
 */
package dev.policybot.core;
