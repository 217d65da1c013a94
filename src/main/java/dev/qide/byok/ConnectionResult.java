package dev.qide.byok;

/** What "Test connection" found, in words for the page. */
public record ConnectionResult(boolean ok, String message) {}
