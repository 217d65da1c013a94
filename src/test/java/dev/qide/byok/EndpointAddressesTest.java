package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.web.FormErrors;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointAddressesTest {

    /** Answers as DNS would from a script: each name's answers in turn (the last one repeats); others do not resolve. */
    static final class ScriptedDns implements HostResolver {

        private final Map<String, Deque<List<InetAddress>>> answers = new java.util.HashMap<>();
        final List<String> asked = new ArrayList<>();

        ScriptedDns answer(String name, String... addresses) {
            List<InetAddress> answer = new ArrayList<>();
            for (String address : addresses) {
                answer.add(ip(address));
            }
            answers.computeIfAbsent(name, key -> new ArrayDeque<>()).add(answer);
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            Deque<List<InetAddress>> queue = answers.get(host);
            if (queue == null) {
                throw new UnknownHostException(host);
            }
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static final HostResolver NO_LOOKUPS = host -> {
        throw new AssertionError("looked up " + host);
    };

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(EndpointAddresses endpoints, String url) {
        FormErrors errors = new FormErrors();
        assertThat(endpoints.check(url, errors, "baseUrl")).as(url).isNull();
        return errors.get("baseUrl");
    }

    @Test
    void privateAndLocalAddressesAreRefusedUnlessAllowed() {
        ScriptedDns dns = new ScriptedDns().answer("localhost", "127.0.0.1", "::1");
        for (String url : new String[] {
            "http://127.0.0.1:11434/v1",
            "http://localhost:8000/v1",
            "http://10.0.0.5/v1",
            "http://169.254.169.254/latest",
            "http://100.100.100.200/latest",
            "http://[::1]:8080/v1",
            "http://192.168.1.20/v1",
            "http://[fd00::1]/v1",
            "http://[64:ff9b::a9fe:a9fe]/latest",
            "http://[2002:7f00:1::]/v1",
            "http://[::127.0.0.1]/v1",
            "http://[::ffff:169.254.169.254]/latest",
            "http://0.0.0.0:8080/v1",
            "http://255.255.255.255/v1"
        }) {
            assertThat(refusal(new EndpointAddresses(dns, false), url)).as(url).contains("private or local");
            assertThat(new EndpointAddresses(dns, true).check(url, new FormErrors(), "baseUrl"))
                    .as(url)
                    .isNotNull();
        }
    }

    @Test
    void aNameIsRefusedWhenAnyAddressItResolvesToIsSpecial() {
        ScriptedDns dns = new ScriptedDns()
                .answer("mixed.example.com", "8.8.8.8", "10.1.2.3")
                .answer("metadata.example.com", "100.100.100.200")
                .answer("nat64.example.com", "64:ff9b::7f00:1")
                .answer("public.example.com", "8.8.8.8", "2606:4700:4700::1111");
        EndpointAddresses endpoints = new EndpointAddresses(dns, false);

        assertThat(refusal(endpoints, "https://mixed.example.com/v1")).contains("private or local");
        assertThat(refusal(endpoints, "https://metadata.example.com/v1")).contains("private or local");
        assertThat(refusal(endpoints, "https://nat64.example.com/v1")).contains("private or local");
        assertThat(endpoints.check("https://public.example.com/v1/", new FormErrors(), "baseUrl"))
                .isEqualTo("https://public.example.com/v1");
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedSayingSo() {
        ScriptedDns dns = new ScriptedDns().answer("empty.example.com");

        assertThat(refusal(new EndpointAddresses(dns, false), "https://llm.example.invalid/v1"))
                .isEqualTo("The name llm.example.invalid does not resolve, so this server cannot check where it"
                        + " leads. Enter an address whose name resolves to a public IP address.");
        assertThat(refusal(new EndpointAddresses(dns, false), "https://empty.example.com/v1"))
                .contains("does not resolve");
        // A local install may name a server that only resolves where it runs.
        assertThat(new EndpointAddresses(dns, true).check("https://llm.example.invalid/v1", new FormErrors(), "b"))
                .isEqualTo("https://llm.example.invalid/v1");
    }

    @Test
    void ipLiteralsAreJudgedWithoutALookup() {
        EndpointAddresses endpoints = new EndpointAddresses(NO_LOOKUPS, false);

        assertThat(endpoints.check("https://8.8.8.8/v1", new FormErrors(), "a")).isEqualTo("https://8.8.8.8/v1");
        assertThat(endpoints.check("https://[2606:4700:4700::1111]/v1", new FormErrors(), "b"))
                .isEqualTo("https://[2606:4700:4700::1111]/v1");
        assertThat(refusal(endpoints, "http://[fe80::1]/v1")).contains("private or local");
        assertThat(endpoints.addressToCall("https://8.8.8.8/v1")).isEqualTo(ip("8.8.8.8"));
    }

    @Test
    void theAddressToCallIsTheOneResolvedAndCheckedNowAndALaterAnswerIsNeverUsed() {
        ScriptedDns dns = new ScriptedDns()
                .answer("rebind.example.com", "93.184.215.14")
                .answer("rebind.example.com", "127.0.0.1");
        EndpointAddresses endpoints = new EndpointAddresses(dns, false);

        InetAddress address = endpoints.addressToCall("https://rebind.example.com/v1");

        assertThat(address).isEqualTo(ip("93.184.215.14"));
        assertThat(dns.asked).containsExactly("rebind.example.com");
        // The next lookup would lead inside: the next call is refused instead of being made there.
        assertThatThrownBy(() -> endpoints.addressToCall("https://rebind.example.com/v1"))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("resolves to a private or local address");
    }

    @Test
    void aNameThatStopsResolvingCannotBeCalled() {
        assertThatThrownBy(() ->
                        new EndpointAddresses(new ScriptedDns(), false).addressToCall("https://gone.example.com/v1"))
                .isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("gone.example.com does not resolve");
    }

    @Test
    void withPrivateEndpointsAllowedNothingIsResolvedOrPinned() {
        EndpointAddresses endpoints = new EndpointAddresses(NO_LOOKUPS, true);

        assertThat(endpoints.addressToCall("http://localhost:11434/v1")).isNull();
        assertThat(endpoints.check("http://localhost:11434/v1", new FormErrors(), "a"))
                .isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void onlyPlainHttpAddressesWithoutCredentialsAreAccepted() {
        EndpointAddresses endpoints = new EndpointAddresses(NO_LOOKUPS, true);
        FormErrors errors = new FormErrors();
        assertThat(endpoints.check("ftp://llm.example.com/v1", errors, "a")).isNull();
        assertThat(endpoints.check("https://user:pw@llm.example.com/v1", errors, "b"))
                .isNull();
        assertThat(endpoints.check("https://llm.example.com/v1?key=x", errors, "c"))
                .isNull();
        assertThat(endpoints.check("not a url", errors, "d")).isNull();
        assertThat(errors.asMap()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(endpoints.check("https://llm.example.com/v1/", new FormErrors(), "e"))
                .isEqualTo("https://llm.example.com/v1");
    }
}
