/** The JDA adapter: JDA factory, slash-command router, one class per command, renderers within Discord's limits. */
package dev.policybot.discord;
