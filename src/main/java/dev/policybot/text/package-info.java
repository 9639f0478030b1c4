/**
 * Text handling every capability shares: the one normalisation the scoring rule uses ({@link dev.policybot.text.Words}),
 * sentence splitting, language detection, the word and sentence rules of clause diffs, whitespace and file decoding.
 * Imports only the JDK.
 */
package dev.policybot.text;
