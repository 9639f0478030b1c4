/** picocli subcommands (reindex, sources, search, ask, changes, history, eval, bench, bot); they get services from the root. */
package dev.policybot.cli;
