package dev.qide.account.oidc;

/**
 * What an identity provider told us about the person. {@code emailVerified} is the provider's word that the
 * person receives mail at {@code email}; only then may the account be linked by email.
 */
public record OidcProfile(String provider, String subject, String email, boolean emailVerified, String name) {}
