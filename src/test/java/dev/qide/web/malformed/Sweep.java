package dev.qide.web.malformed;

import dev.qide.web.malformed.RawHttp.Answer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Sends groups of probes and keeps what failed. The probes of one group (the routes of one area, which write the same
 * rows) go one after another, groups side by side: requests racing each other for one row (two deletes of one
 * conversation, two first messages of one) are another kind of test than this one. When a probe
 * carrying NUL or half a surrogate pair is taken (2xx or 3xx), the database is looked through at once, before a later
 * probe overwrites what it stored (on PostgreSQL storing it fails by itself).
 */
final class Sweep {

    /** nginx's default buffer for a response's headers: a longer header line is a 502 behind it. */
    static final int MAX_HEADER_LINE = 8 * 1024;

    private static final int THREADS = 4;

    private final RawHttp http;
    private final Callable<List<StoredTextScan.Finding>> scan;
    private final Map<String, StoredTextScan.Finding> stored = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Probe> sent = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> millis = new ConcurrentHashMap<>();

    Sweep(RawHttp http, Callable<List<StoredTextScan.Finding>> scan) {
        this.http = http;
        this.scan = scan;
    }

    void send(List<List<Probe>> groups) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Probe> group : groups) {
                done.add(pool.submit(() -> group.forEach(this::send)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(Probe probe) {
        sent.put(probe.id(), probe);
        long started = System.nanoTime();
        Answer answer = http.send(probe);
        millis.merge(probe.route().name(), (System.nanoTime() - started) / 1_000_000, Long::sum);
        statuses.computeIfAbsent(probe.route().name(), ignored -> new ConcurrentHashMap<>())
                .merge(answer.status(), 1, Integer::sum);
        String failure = failure(probe, answer);
        if (failure != null) {
            failures.add(failure);
        }
        if (answer.status() >= 200 && answer.status() < 400 && probe.carriesUnstorableText()) {
            lookForStoredText();
        }
    }

    /** Looks through the database now; what it finds is kept (once) until {@link #storedText()}. */
    synchronized void lookForStoredText() {
        try {
            scan.call().forEach(finding -> stored.putIfAbsent(finding.column() + " " + finding.excerpt(), finding));
        } catch (Exception e) {
            throw new IllegalStateException("The stored-text scan failed", e);
        }
    }

    List<StoredTextScan.Finding> storedText() {
        return List.copyOf(stored.values());
    }

    private static String failure(Probe probe, Answer answer) {
        if (answer.problem() != null) {
            return (answer.status() < 0 ? "" : answer.status() + ", ") + answer.problem() + ": " + probe.describe();
        }
        if (answer.status() >= 500) {
            return answer.status() + ": " + probe.describe() + "\n      " + flat(answer.bodyStart());
        }
        if (answer.longestHeaderLine() > MAX_HEADER_LINE) {
            return answer.status() + " with a header line of " + answer.longestHeaderLine() + " characters: "
                    + probe.describe();
        }
        return null;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Probe sent(int id) {
        return sent.get(id);
    }

    int count() {
        return sent.size();
    }

    /** "POST /login (2,345 ms): 303×4 400×12 422×30", a line a route. */
    String statusesByRoute() {
        return new TreeMap<>(statuses)
                .entrySet().stream()
                        .map(route -> "  " + route.getKey() + " (" + millis.get(route.getKey()) + " ms): "
                                + new TreeMap<>(route.getValue())
                                        .entrySet().stream()
                                                .map(status -> status.getKey() + "\u00d7" + status.getValue())
                                                .collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("\n"));
    }

    private static String flat(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
