/** The benchmark ({@code bench}): corpus replication to scale, latency phases, heap probes, targets and the report. */
package dev.policybot.eval.bench;
