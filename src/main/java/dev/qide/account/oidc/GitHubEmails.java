package dev.qide.account.oidc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GitHub's user profile shows at most a public email, without saying whether it was verified; its
 * {@code /user/emails} endpoint lists the addresses with that flag. Only a verified one may link accounts.
 */
@ApplicationScoped
public class GitHubEmails {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String email, boolean primary, boolean verified) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ObjectMapper json;
    private final String apiUrl;

    GitHubEmails(ObjectMapper json, OidcProviders providers) {
        this.json = json;
        this.apiUrl = providers.githubApiUrl().replaceAll("/+$", "");
    }

    /** The primary address if verified, else the first verified one; empty when GitHub cannot say. */
    public Optional<String> verifiedEmail(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/user/emails"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + accessToken)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Log.warnf("GitHub answered %d for the account's email addresses", response.statusCode());
                return Optional.empty();
            }
            List<Entry> entries = json.readValue(response.body(), new TypeReference<>() {});
            return entries.stream()
                    .filter(Entry::verified)
                    .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                    .map(Entry::email)
                    .findFirst();
        } catch (IOException e) {
            Log.warnf(
                    "Could not read the account's email addresses from GitHub: %s",
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
