/** picocli subcommands (reindex, sources, search, ask, changes, history, eval, bench, bot); they get services from the wiring. */
package dev.policybot.cli;
