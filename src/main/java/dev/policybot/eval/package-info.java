/** Evaluation and benchmark harnesses over the common question format, and the scoring rule. */
package dev.policybot.eval;
