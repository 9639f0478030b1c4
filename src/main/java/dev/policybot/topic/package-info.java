/** The topics of policy clauses (AI training, deletion, licences, …): rules, and a classifier over clause text. */
package dev.policybot.topic;
