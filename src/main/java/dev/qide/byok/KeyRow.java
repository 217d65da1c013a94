package dev.qide.byok;

/** A row of a key table; {@code manageable} is false for workspace keys shown to members who do not manage them. */
public record KeyRow(ProviderKey key, String providerName, boolean manageable) {}
