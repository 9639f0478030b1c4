/**
 * Question understanding before retrieval: platform detection, document resolution, language, the German→English
 * glossary, lay wording (paraphrases) and intents; its word lists live in {@code src/main/resources/policybot/}.
 */
package dev.policybot.question;
