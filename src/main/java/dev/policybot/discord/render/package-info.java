/** Renderers that turn answers, clauses, sources, reindex reports and alerts into messages within Discord limits. */
package dev.policybot.discord.render;
