package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.ProviderClients;
import dev.qide.llm.ProviderEndpoint;
import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hosted server (private endpoints not allowed): custom endpoints into its own network, or into any special-purpose
 * block, are refused by the form and the API, also when their name only leads there later; a name that does not
 * resolve is refused; only the custom provider takes an address; and each call goes to the address checked for it.
 * Names resolve through {@link ScriptedHostResolver}; connection checks to public addresses are only recorded
 * ({@link RecordingLlmClient}), since no test may leave the machine.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
@TestProfile(PrivateEndpointTest.Hosted.class)
class PrivateEndpointTest {

    public static class Hosted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qide.byok.allow-private-endpoints", "false");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedHostResolver.class, RecordingLlmClient.class);
        }
    }

    private static final String REFUSED = "This server may not call private or local addresses.";

    /** One address in every block of IANA's special-purpose registries, and the embedded IPv4 forms of some. */
    private static final List<String> SPECIAL = List.of(
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "100.64.0.1",
            "100.100.100.200",
            "100.127.255.254",
            "127.0.0.1",
            "127.1.2.3",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.254",
            "192.0.0.9",
            "192.0.0.170",
            "192.0.2.1",
            "192.31.196.1",
            "192.52.193.1",
            "192.88.99.1",
            "192.168.1.1",
            "192.175.48.1",
            "198.18.0.1",
            "198.19.255.254",
            "198.51.100.1",
            "203.0.113.1",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "[::1]",
            "[::]",
            "[::127.0.0.1]",
            "[::a9fe:a9fe]",
            "[::ffff:127.0.0.1]",
            "[::ffff:169.254.169.254]",
            "[64:ff9b::169.254.169.254]",
            "[64:ff9b::127.0.0.1]",
            "[64:ff9b::10.0.0.1]",
            "[64:ff9b:1::a9fe:a9fe]",
            "[100::1]",
            "[100:0:0:1::1]",
            "[2001::1]",
            "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
            "[2001:1::1]",
            "[2001:1::2]",
            "[2001:2::1]",
            "[2001:3::1]",
            "[2001:4:112::1]",
            "[2001:10::1]",
            "[2001:20::1]",
            "[2001:30::1]",
            "[2001:db8::1]",
            "[2002:7f00:1::]",
            "[2002:a9fe:a9fe::]",
            "[2620:4f:8000::1]",
            "[3fff::1]",
            "[5f00::1]",
            "[fc00::1]",
            "[fd12:3456::1]",
            "[fe80::1]",
            "[fec0::1]",
            "[ff02::1]");

    @Inject
    KeyCipher cipher;

    @Inject
    ScriptedHostResolver dns;

    @Inject
    RecordingLlmClient client;

    /** The application's own client (the recording one stands in for it only as the {@code LlmClient}). */
    @Inject
    ProviderClients providerClients;

    private Browser owner;

    @BeforeEach
    void setUp() {
        dns.reset();
        client.reset();
        owner = Browser.signedUp("Hosted Owner");
        Workspaces.setPlan(owner.workspaceId(), PlanId.PRO_PLUS);
        owner.get("/settings/ai-providers");
    }

    @Test
    void aCustomEndpointOnALocalAddressIsRefusedWhenSavedAndWhenUsed() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();

        Response refused = saveByForm("custom", upstream.baseUrl("custom"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("may not call private or local addresses");

        // A key saved while its name pointed elsewhere (here: written directly), used now that it points inside.
        UUID keyId = insertKey("custom", upstream.baseUrl("custom"));

        String answer = testConnection(keyId);

        assertThat(answer).contains("resolves to a private or local address");
        assertThat(upstream.requests()).isEmpty();
        assertThat(client.checked()).isEmpty();
    }

    @Test
    void everySpecialPurposeBlockIsRefusedByTheFormAndTheApi() {
        for (String host : SPECIAL) {
            String url = "http://" + host + ":8080/v1";

            Response form = saveByForm("custom", url);
            assertThat(form.statusCode()).as(url).isEqualTo(422);
            assertThat(form.asString()).as(url).contains(REFUSED);

            Response api = saveByApi("custom", url);
            assertThat(api.statusCode()).as(url).isEqualTo(422);
            assertThat(api.contentType()).as(url).startsWith("application/problem+json");
            assertThat(api.jsonPath().getString("detail")).as(url).contains(REFUSED);
        }
        assertThat(StoredProviderKeys.of(owner)).isEmpty();
        assertThat(dns.asked()).as("IP literals are not looked up").isEmpty();
    }

    @Test
    void publicAddressesAreAcceptedIncludingAPublicIpv4AddressThroughNat64() {
        assertThat(saveByForm("custom", "https://8.8.8.8/v1").statusCode()).isEqualTo(303);
        for (String url : List.of("https://[2606:4700:4700::1111]/v1", "https://[64:ff9b::8.8.8.8]/v1")) {
            Response api = saveByApi("custom", url);
            assertThat(api.statusCode()).as(url).isEqualTo(200);
            assertThat(api.jsonPath().getString("base_url")).isEqualTo(url);
        }
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        dns.answer("metadata.example.test", "100.100.100.200")
                .answer("mixed.example.test", "93.184.215.14", "10.20.30.40")
                .answer("nat64.example.test", "64:ff9b::a9fe:a9fe")
                .answer("llm.example.test", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        for (String name : List.of("metadata.example.test", "mixed.example.test", "nat64.example.test")) {
            Response form = saveByForm("custom", "https://" + name + "/v1");
            assertThat(form.statusCode()).as(name).isEqualTo(422);
            assertThat(form.asString()).as(name).contains(REFUSED);
            Response api = saveByApi("custom", "https://" + name + "/v1");
            assertThat(api.statusCode()).as(name).isEqualTo(422);
            assertThat(api.jsonPath().getString("detail")).as(name).contains(REFUSED);
        }
        assertThat(saveByApi("custom", "https://llm.example.test/v1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedSayingSo() {
        String reason = "The name nowhere.example.test does not resolve, so this server cannot check where it leads.";

        Response form = saveByForm("custom", "https://nowhere.example.test/v1");
        Response api = saveByApi("custom", "https://nowhere.example.test/v1");

        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.asString()).contains(reason);
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.jsonPath().getString("detail")).contains(reason);
        assertThat(StoredProviderKeys.of(owner)).isEmpty();
    }

    @Test
    void onlyTheCustomProviderTakesAnAddress() {
        Response form = saveByForm("openai", "https://8.8.8.8/v1");
        Response api = saveByApi("anthropic", "https://8.8.8.8/v1");

        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.asString()).contains("Only the custom endpoint takes an address");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.jsonPath().getString("detail")).contains("Only the custom endpoint takes an address");
        assertThat(StoredProviderKeys.of(owner)).isEmpty();

        // One stored before this rule is not used with its address (nor silently without it).
        UUID keyId = insertKey("openai", "https://8.8.8.8/v1");
        assertThat(testConnection(keyId)).contains("Only custom endpoint keys may have their own address");
        assertThat(client.checked()).isEmpty();
    }

    @Test
    void eachCallGoesToTheAddressCheckedForItAndALaterAnswerIsNeverUsed() throws Exception {
        dns.answer("rebind.example.test", "93.184.215.14")
                .answer("rebind.example.test", "93.184.215.15")
                .answer("rebind.example.test", "127.0.0.1");
        assertThat(saveByForm("custom", "https://rebind.example.test/v1").statusCode())
                .isEqualTo(303);
        UUID keyId = StoredProviderKeys.of(owner).getFirst().id;

        String first = testConnection(keyId);

        assertThat(first).contains("Connected");
        ProviderEndpoint called = client.checked().getFirst();
        assertThat(URI.create(called.baseUrl()).getHost()).isEqualTo("rebind.example.test");
        assertThat(called.address()).isEqualTo(InetAddress.getByName("93.184.215.15"));
        assertThat(dns.asked()).containsExactly("rebind.example.test", "rebind.example.test");

        // The name now leads to loopback: the next call is refused, not made there.
        String second = testConnection(keyId);

        assertThat(second).contains("resolves to a private or local address");
        assertThat(client.checked()).hasSize(1);
    }

    @Test
    void theApplicationsClientConnectsToThePinnedAddressOverItsOwnVertx() {
        FakeLlmServer upstream = FakeLlmResource.server();
        upstream.reset();
        String name = "llm.pinned.invalid";

        providerClients.check(
                new ProviderEndpoint(
                        "custom",
                        upstream.baseUrl("custom").replace("127.0.0.1", name),
                        "hosted-key-123",
                        InetAddress.getLoopbackAddress()),
                "llama3.2");

        assertThat(upstream.lastRequest("custom").header("Host")).isEqualTo(name + ":" + upstream.port());
    }

    private Response saveByForm(String provider, String baseUrl) {
        return owner.postForm(
                "/settings/ai-providers",
                Map.of("provider", provider, "apiKey", "hosted-key-123", "model", model(provider), "baseUrl", baseUrl));
    }

    private Response saveByApi(String provider, String baseUrl) {
        Map<String, String> body = new HashMap<>(Map.of(
                "provider", provider, "api_key", "hosted-key-123", "model", model(provider), "base_url", baseUrl));
        return owner.api().body(body).put("/api/settings/llm-config");
    }

    private static String model(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-sonnet-4-20250514";
            default -> "llama3.2";
        };
    }

    private UUID insertKey(String provider, String baseUrl) {
        UUID userId =
                UUID.fromString(owner.api().get("/api/auth/me").then().extract().path("user.id"));
        UUID keyId = UUID.randomUUID();
        StoredProviderKeys.insert(
                keyId, userId, provider, baseUrl, model(provider), cipher.seal("hosted-key-123", keyId));
        return keyId;
    }

    private String testConnection(UUID keyId) {
        return owner.htmxPostForm("/settings/ai-providers/" + keyId + "/test", Map.of())
                .asString();
    }
}
