/** Evaluation over the common question format: the scoring rule, metrics, answer evaluation and run files. */
package dev.policybot.eval;
