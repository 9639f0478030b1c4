/**
 * The JDA adapter. {@link dev.policybot.discord.DiscordBot} wires it (the one list of commands) and
 * {@link dev.policybot.discord.JdaFactory} builds JDA for any REST and gateway URL. The
 * {@link dev.policybot.discord.CommandRouter} defers each command at once and runs it on named worker threads; one
 * class per command implements {@link dev.policybot.discord.DiscordCommand}; renderers keep every message within
 * Discord's limits ({@code render.DiscordLimits}); {@link dev.policybot.discord.FailureReplies} is the
 * one place that turns failures into what users read. The bot reaches the capabilities only through the ports in
 * {@link dev.policybot.discord.BotPorts}.
 */
package dev.policybot.discord;
