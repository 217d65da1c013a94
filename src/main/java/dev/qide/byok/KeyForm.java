package dev.qide.byok;

/**
 * What a person enters for a provider key. A blank {@code apiKey} when a key for the provider exists keeps the stored
 * one (so the model or endpoint can change without typing the key again).
 */
public record KeyForm(String provider, String apiKey, String baseUrl, String model) {

    public static final KeyForm BLANK = new KeyForm("", "", "", "");

    /** A field the form did not send is empty, as a field left blank is. */
    public KeyForm {
        provider = provider == null ? "" : provider;
        apiKey = apiKey == null ? "" : apiKey;
        baseUrl = baseUrl == null ? "" : baseUrl;
        model = model == null ? "" : model;
    }

    /** The form as it may be shown again after an error: never with the key. */
    public KeyForm withoutKey() {
        return new KeyForm(provider, "", baseUrl, model);
    }
}
