package dev.qide.identity;

import java.util.Set;
import java.util.UUID;

/** The API key a request was made with, carried by the security identity next to the signed-in user. */
public record ApiKeyPrincipal(UUID keyId, String name, String prefix, Set<ApiScope> scopes) {

    /** Attribute name under which the security identity carries this record. */
    public static final String ATTRIBUTE = "qide.api-key";

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the key may do what {@code scope} covers. */
    public boolean allows(ApiScope scope) {
        return scopes.stream().anyMatch(held -> held.grants(scope));
    }
}
