/** Input parsing both front ends (command line and Discord) share, so a date or a question is read once, one way. */
package dev.policybot.input;
