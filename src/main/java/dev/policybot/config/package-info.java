/** Immutable configuration records and their YAML loader; validation names file, line and key; secrets from the environment only. */
package dev.policybot.config;
