/**
 * Immutable configuration records and their YAML loader; validation names file, line and key; secrets from the
 * environment only (a file holding one is refused while world-readable; secret-shaped values are masked in messages).
 */
package dev.policybot.config;
