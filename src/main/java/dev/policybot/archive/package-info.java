/**
 * The archive layout, read and written in one place: {@code <platform>/<document>/<YYYY-MM-DD>.md} version files,
 * per-document {@code state.json}, imported {@code manifest.json}; atomic writes; import of archive folders.
 */
package dev.policybot.archive;
