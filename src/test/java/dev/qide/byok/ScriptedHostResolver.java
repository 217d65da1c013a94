package dev.qide.byok;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS for tests that select it ({@code QuarkusTestProfile#getEnabledAlternatives}): each name answers its scripted
 * answers in turn, the last one repeating (so a name can lead elsewhere from one lookup to the next); any other name
 * does not resolve. No lookup leaves the machine.
 */
@Alternative
@ApplicationScoped
public class ScriptedHostResolver implements HostResolver {

    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();

    /** {@code name}'s next answer: these addresses (IP literals). */
    public synchronized ScriptedHostResolver answer(String name, String... addresses) {
        List<InetAddress> answer = new ArrayList<>();
        for (String address : addresses) {
            answer.add(EndpointAddressesTest.ip(address));
        }
        answers.computeIfAbsent(name, key -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** Every name looked up, in order. */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    public synchronized void reset() {
        answers.clear();
        asked.clear();
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        Deque<List<InetAddress>> queue = answers.get(host);
        if (queue == null) {
            throw new UnknownHostException(host);
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }
}
