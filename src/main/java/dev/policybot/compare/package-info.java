/**
 * One topic or question answered per platform: {@code compare}, {@code /compare} and cross-platform questions of
 * {@code ask}. Each platform goes through the same answering path (and its outcome decision) as a question about that
 * platform alone; platform groups from {@code sources.yaml} name the platforms; the last change on the topic comes from
 * the policy history.
 */
package dev.policybot.compare;
