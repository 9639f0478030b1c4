/**
 * Answering: the ask service (translate, search, write, verify), the extractive writer and its sentence ranking,
 * citation markers and verification against the clause each citation names, and the framing of answers in English
 * and German.
 */
package dev.policybot.answer;
