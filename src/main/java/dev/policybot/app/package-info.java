/**
 * The composition root below the entry point: builds the whole object graph with {@code new} from one loaded
 * configuration, for the product, the benchmark and the Discord bot. Nothing but {@code PolicyBot} imports it.
 */
package dev.policybot.app;
