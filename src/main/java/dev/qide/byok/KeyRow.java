package dev.qide.byok;

/** A row of a key table; {@code manageable} is false for workspace keys shown to members who do not manage them. */
public record KeyRow(ProviderKey key, String providerName, boolean manageable) {

    public String testPath() {
        return ProviderKeyRoutes.test(key.id);
    }

    /** The element the answer of a connection test goes into. */
    public String testResultTarget() {
        return "#test-result-" + key.id;
    }

    public String deletePath() {
        return ProviderKeyRoutes.delete(key.id);
    }

    public String removeQuestion() {
        return "Remove the " + providerName + " key " + key.maskedKey + "?";
    }
}
