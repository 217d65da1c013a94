package dev.qide.web.malformed;

import static dev.qide.web.malformed.RawBodies.DEEP;
import static dev.qide.web.malformed.RawBodies.deepArrays;
import static dev.qide.web.malformed.RawBodies.deepObjects;
import static dev.qide.web.malformed.RawBodies.encode;
import static dev.qide.web.malformed.RawBodies.formText;
import static dev.qide.web.malformed.RawBodies.jsonString;
import static dev.qide.web.malformed.RawBodies.jsonText;
import static dev.qide.web.malformed.RawBodies.jsonValue;
import static dev.qide.web.malformed.RawBodies.manyFields;
import static dev.qide.web.malformed.RawBodies.multipart;
import static dev.qide.web.malformed.RawBodies.multipartType;
import static dev.qide.web.malformed.RawBodies.notUtf8Json;
import static dev.qide.web.malformed.RawBodies.text;
import static dev.qide.web.malformed.RawBodies.truncatedMultipart;
import static dev.qide.web.malformed.RawBodies.utf8;

import dev.qide.web.malformed.Probe.Identity;
import dev.qide.web.malformed.Route.BodyKind;
import dev.qide.web.malformed.Route.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The malformed requests for one route: bad ids in the path; bad query parameters and headers; bodies that are
 * broken as a whole (not JSON, nested too deep, 1,001 form fields, a bad escape, a truncated multipart, the wrong
 * content type, no body at all); and, one field at a time with the others filled in as a person would, every field
 * wrong (empty, NUL, half a surrogate pair, 70,000 characters, the wrong type, twice with two types, missing).
 *
 * <p>Text that must never be stored (NUL, half a surrogate pair) carries the probe's number ({@code sw123}), so that
 * {@link StoredTextScan} can tell which probe stored it.
 */
final class MalformedInputs {

    static final String FORM = "Content-Type: application/x-www-form-urlencoded";
    static final String JSON = "Content-Type: application/json";

    /** A value for one field or parameter, made for the probe numbered {@code id}. */
    private record Variant(String label, IntFunction<String> value) {
        static Variant of(String label, String value) {
            return new Variant(label, id -> value);
        }
    }

    /** Wrong for any field. */
    private static final List<Variant> ANY_FIELD = List.of(
            Variant.of("empty", ""),
            new Variant("NUL", id -> "sw" + id + "\u0000x"),
            Variant.of("70,000 characters", "x".repeat(70_000)));
    /** Wrong for text: what it may be echoed into (a redirect, a header) must still hold. */
    private static final List<Variant> TEXT_FIELD =
            List.of(Variant.of("a path with a space", "/ /x"), Variant.of("CR LF", "a\r\nX-Sweep: injected"));
    /** Wrong for numbers, ids and flags. */
    private static final List<Variant> TYPED_FIELD = List.of(
            Variant.of("not a number", "abc"),
            Variant.of("negative", "-1"),
            Variant.of("a number too large for any type", "99999999999999999999"));
    /** Only JSON can carry these: UTF-8 has no way to write half a surrogate pair. */
    private static final List<Variant> JSON_ONLY_TEXTS = List.of(
            new Variant("a lone high surrogate", id -> "sw" + id + "\uD800"),
            new Variant("a lone low surrogate", id -> "\uDC00sw" + id));

    private static final List<Variant> RAW_ESCAPES = List.of(
            Variant.of("an invalid escape", "%zz"), Variant.of("an encoded surrogate (not UTF-8)", "%ED%A0%80"));
    private static final List<String> BAD_IDS =
            List.of("not-a-uuid", UUID.randomUUID().toString(), "%zz", "%00", "%ED%A0%80", "x".repeat(300));

    private final SweepFixtures fixtures;
    private final BaselineValues baseline;
    private final AtomicInteger ids = new AtomicInteger();

    MalformedInputs(SweepFixtures fixtures) {
        this.fixtures = fixtures;
        this.baseline = new BaselineValues(fixtures);
    }

    /** Everything malformed for the route, sent by {@code identity}. */
    List<Probe> probes(Route route, Identity identity) {
        Probes probes = new Probes(route, identity);
        probes.valid();
        probes.pathIds();
        probes.query();
        probes.headers();
        if (route.takesBody()) {
            probes.bodies();
        }
        return probes.list;
    }

    /** A few without signing in: what reaches the parsers before any check of who is asking. */
    List<Probe> anonymousProbes(Route route) {
        Probes probes = new Probes(route, Identity.ANONYMOUS);
        probes.add("a valid request", probes.target(), List.of(), null);
        if (!route.pathParameters().isEmpty()) {
            probes.add("a bad id", probes.targetWith(route.pathParameters().get(0), "not-a-uuid"), List.of(), null);
        }
        if (route.takesBody()) {
            probes.add("form: 1,001 fields", probes.target(), List.of(FORM), utf8(manyFields()));
            probes.add("form: an invalid escape", probes.target(), List.of(FORM), utf8("a=%zz"));
            probes.add("JSON nested " + DEEP + " deep", probes.target(), List.of(JSON), utf8(deepArrays()));
            probes.add("multipart: truncated", probes.target(), List.of(multipartType()), truncatedMultipart());
        }
        return probes.list;
    }

    /** A request with nothing real in it (an unknown id, no body) that shows whether {@code identity} is let in. */
    Probe preflight(Route route, Identity identity) {
        Probes probes = new Probes(route, identity);
        String target = route.pathParameters().isEmpty()
                ? probes.target()
                : probes.targetWith(
                        route.pathParameters().get(0), UUID.randomUUID().toString());
        probes.add("is this identity let in", target, List.of(), null);
        return probes.list.get(0);
    }

    /** The route's GET with real ids, to see that what the sweep left behind can still be read. */
    Probe reread(Route route, Identity identity) {
        Probes probes = new Probes(route, identity);
        probes.add("read back after the sweep", probes.target() + probes.baselineQuery(), List.of(), null);
        return probes.list.get(0);
    }

    /** Builds the probes of one route. */
    private final class Probes {

        final Route route;
        final Identity identity;
        final List<Probe> list = new ArrayList<>();

        Probes(Route route, Identity identity) {
            this.route = route;
            this.identity = identity;
        }

        void valid() {
            String target = target() + baselineQuery();
            List<String> type = primaryType();
            byte[] body = route.takesBody() ? primaryBody(null, null) : null;
            add("a valid request", target, type, body);
            add(
                    "htmx from a page whose URL is not a URL",
                    target,
                    with(type, "HX-Request: true", "HX-Current-URL: http://x/%zz/ /"),
                    body);
            add("an Accept nobody serves", target, with(type, "Accept: application/x-sweep-nothing"), body);
            int id = ids.incrementAndGet();
            add(id, "a User-Agent with NUL", target, with(type, "User-Agent: sw" + id + "\u0000x"), body);
        }

        void pathIds() {
            for (String parameter : route.pathParameters()) {
                for (String bad : BAD_IDS) {
                    add("{" + parameter + "} = " + bad, targetWith(parameter, bad), List.of(), null);
                }
            }
        }

        void query() {
            List<Field> parameters = new ArrayList<>(route.query());
            parameters.add(new Field("zzz", Route.FieldType.TEXT));
            for (Field parameter : parameters) {
                for (Variant variant : variantsFor(parameter)) {
                    if (variant.label().equals("70,000 characters")) {
                        continue; // The request line would be too long for anything to be read: one probe below.
                    }
                    int id = ids.incrementAndGet();
                    String value = encode(variant.value().apply(id));
                    add(id, "query " + parameter.name() + ": " + variant.label(), queryWith(parameter, value));
                }
                for (Variant variant : RAW_ESCAPES) {
                    add(
                            ids.incrementAndGet(),
                            "query " + parameter.name() + ": " + variant.label(),
                            queryWith(parameter, variant.value().apply(0)));
                }
                add(
                        ids.incrementAndGet(),
                        "query " + parameter.name() + ": twice",
                        target() + "?" + parameter.name() + "=1&" + parameter.name() + "=2");
            }
            add("query longer than a request line may be", target() + "?q=" + "x".repeat(70_000), List.of(), null);
        }

        void headers() {
            for (Field header : route.headers()) {
                for (String value : List.of("abc", "-1", "99999999999999999999", "", "x".repeat(5_000))) {
                    add(
                            "header " + header.name() + ": "
                                    + (value.length() > 20 ? value.length() + " characters" : "\"" + value + "\""),
                            target(),
                            List.of(header.name() + ": " + value),
                            null);
                }
            }
        }

        void bodies() {
            boolean any = route.bodies().contains(BodyKind.ANY);
            if (any || route.bodies().contains(BodyKind.JSON)) {
                jsonBodies();
            }
            if (any || route.bodies().contains(BodyKind.FORM) || route.bodies().contains(BodyKind.MULTIPART)) {
                formBodies();
            }
            if (route.bodies().contains(BodyKind.BYTES)) {
                byteBodies();
            }
            String target = target();
            add("multipart: truncated", target, List.of(multipartType()), truncatedMultipart());
            add("multipart: no boundary", target, List.of("Content-Type: multipart/form-data"), utf8("a=b"));
            add("text/plain", target, List.of("Content-Type: text/plain"), utf8("sweep"));
            add("a body without a content type", target, List.of(), utf8("a=b"));
            add("a content type that is not one", target, List.of("Content-Type: ;;;/"), utf8("a=b"));
            add(
                    "form in an unknown charset",
                    target,
                    List.of("Content-Type: application/x-www-form-urlencoded; charset=klingon"),
                    utf8(formText(baselineForm())));
            add(
                    "JSON in an unknown charset",
                    target,
                    List.of("Content-Type: application/json; charset=klingon"),
                    utf8(jsonText(baselineJson())));
        }

        private void jsonBodies() {
            String target = target();
            for (String text : List.of("null", "[]", "7", "{", "{\"a\":1}}")) {
                add("JSON: " + text, target, List.of(JSON), utf8(text));
            }
            add("JSON: no body", target, List.of(JSON), null);
            add("JSON: arrays nested " + DEEP + " deep", target, List.of(JSON), utf8(deepArrays()));
            add("JSON: objects nested " + DEEP + " deep", target, List.of(JSON), utf8(deepObjects()));
            add("JSON: 2,000 digits", target, List.of(JSON), utf8("{\"a\":" + "1".repeat(2_000) + "}"));
            add("JSON: a key of 70,000 characters", target, List.of(JSON), utf8("{\"" + "k".repeat(70_000) + "\":1}"));
            add("JSON: not UTF-8", target, List.of(JSON), notUtf8Json());
            for (Field field : route.fields()) {
                String name = field.name();
                add("JSON " + name + ": missing", target, List.of(JSON), primaryJson(name, null));
                List<Variant> texts = new ArrayList<>(variantsFor(field));
                texts.addAll(JSON_ONLY_TEXTS);
                for (Variant variant : texts) {
                    int id = ids.incrementAndGet();
                    add(
                            id,
                            "JSON " + name + ": " + variant.label(),
                            target,
                            List.of(JSON),
                            primaryJson(name, jsonString(variant.value().apply(id))));
                }
                for (Variant variant : wrongTypes(field)) {
                    add(
                            "JSON " + name + ": " + variant.label(),
                            target,
                            List.of(JSON),
                            primaryJson(name, variant.value().apply(0)));
                }
                add(
                        "JSON " + name + ": twice, as text then as a number",
                        target,
                        List.of(JSON),
                        utf8(jsonWithDuplicate(name, "\"a\"", "7")));
            }
        }

        private void formBodies() {
            String target = target();
            add("form: no body", target, List.of(FORM), null);
            add("form: 1,001 fields", target, List.of(FORM), utf8(manyFields()));
            add("form: an invalid escape", target, List.of(FORM), utf8("a=%zz"));
            add("form: an invalid escape in a name", target, List.of(FORM), utf8("%zz=a"));
            add("form: a cut escape", target, List.of(FORM), utf8("a=%"));
            add("form: a field over 1 MB", target, List.of(FORM), utf8("a=" + "x".repeat(1_100_000)));
            int nulId = ids.incrementAndGet();
            add(
                    nulId,
                    "multipart: NUL in every field",
                    target,
                    List.of(multipartType()),
                    multipart(route.fields().stream()
                            .collect(Collectors.toMap(
                                    Field::name, field -> "sw" + nulId + "\u0000x", (a, b) -> a, LinkedHashMap::new))));
            for (Field field : route.fields()) {
                String name = field.name();
                add("form " + name + ": missing", target, List.of(FORM), utf8(formText(formWith(name, null))));
                add(
                        "form " + name + ": twice",
                        target,
                        List.of(FORM),
                        utf8(formText(baselineForm()) + "&" + encode(name) + "=sweep"));
                for (Variant variant : variantsFor(field)) {
                    int id = ids.incrementAndGet();
                    add(
                            id,
                            "form " + name + ": " + variant.label(),
                            target,
                            List.of(FORM),
                            utf8(formText(formWith(name, encode(variant.value().apply(id))))));
                }
            }
        }

        private void byteBodies() {
            String target = target() + baselineQuery();
            String octets = "Content-Type: application/octet-stream";
            add("bytes: none", target, List.of(octets), null);
            add("bytes: not UTF-8", target, List.of(octets), new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            add("bytes: NUL", target, List.of(octets), new byte[] {'a', 0, 'b'});
            add("bytes: 2 MB", target, List.of(octets), new byte[2 * 1024 * 1024]);
        }

        // ---- targets

        String target() {
            String target = route.template();
            for (String parameter : route.pathParameters()) {
                target = target.replace("{" + parameter + "}", encode(fixtures.validId(route.template(), parameter)));
            }
            return target;
        }

        String targetWith(String parameter, String raw) {
            String target = route.template().replace("{" + parameter + "}", raw);
            for (String other : route.pathParameters()) {
                target = target.replace("{" + other + "}", encode(fixtures.validId(route.template(), other)));
            }
            return target;
        }

        String baselineQuery() {
            if (route.query().isEmpty()) {
                return "";
            }
            return "?"
                    + route.query().stream()
                            .map(field -> encode(field.name()) + "=" + encode(text(baseline.of(route, field))))
                            .collect(Collectors.joining("&"));
        }

        private String queryWith(Field parameter, String encodedValue) {
            List<String> pairs = new ArrayList<>();
            for (Field field : route.query()) {
                if (!field.name().equals(parameter.name())) {
                    pairs.add(encode(field.name()) + "=" + encode(text(baseline.of(route, field))));
                }
            }
            pairs.add(encode(parameter.name()) + "=" + encodedValue);
            return target() + "?" + String.join("&", pairs);
        }

        // ---- bodies in the route's own type, with one field changed

        private List<String> primaryType() {
            if (!route.takesBody()) {
                return List.of();
            }
            if (route.bodies().contains(BodyKind.JSON)) {
                return List.of(JSON);
            }
            if (route.bodies().contains(BodyKind.BYTES) && !route.bodies().contains(BodyKind.FORM)) {
                return List.of("Content-Type: application/octet-stream");
            }
            return List.of(FORM);
        }

        private byte[] primaryBody(String field, String replacement) {
            if (route.bodies().contains(BodyKind.JSON)) {
                return primaryJson(field, replacement);
            }
            if (route.bodies().contains(BodyKind.BYTES) && !route.bodies().contains(BodyKind.FORM)) {
                return utf8("print('sweep')\n");
            }
            return utf8(formText(formWith(field, replacement)));
        }

        /** The baseline JSON with {@code field} set to the raw JSON {@code literal}, or left out when it is null. */
        private byte[] primaryJson(String field, String literal) {
            Map<String, String> json = baselineJson();
            if (literal == null) {
                json.remove(field);
            } else {
                json.put(field, literal);
            }
            return utf8(jsonText(json));
        }

        private Map<String, String> baselineJson() {
            Map<String, String> json = new LinkedHashMap<>();
            for (Field field : route.fields()) {
                json.put(field.name(), jsonValue(baseline.of(route, field)));
            }
            return json;
        }

        private String jsonWithDuplicate(String field, String first, String second) {
            Map<String, String> json = baselineJson();
            json.remove(field);
            String rest = jsonText(json);
            String pairs = jsonString(field) + ":" + first + "," + jsonString(field) + ":" + second;
            return rest.equals("{}") ? "{" + pairs + "}" : "{" + pairs + "," + rest.substring(1);
        }

        /** Name to encoded value; lists as several pairs. */
        private List<String[]> baselineForm() {
            List<String[]> pairs = new ArrayList<>();
            for (Field field : route.fields()) {
                Object value = baseline.of(route, field);
                if (value instanceof List<?> values) {
                    values.forEach(item -> pairs.add(new String[] {encode(field.name()), encode(text(item))}));
                } else {
                    pairs.add(new String[] {encode(field.name()), encode(text(value))});
                }
            }
            return pairs;
        }

        /** The baseline form with {@code field} set to the encoded {@code value}, or left out when it is null. */
        private List<String[]> formWith(String field, String encodedValue) {
            List<String[]> pairs = new ArrayList<>();
            boolean replaced = false;
            for (String[] pair : baselineForm()) {
                if (field != null && pair[0].equals(encode(field))) {
                    if (!replaced && encodedValue != null) {
                        pairs.add(new String[] {pair[0], encodedValue});
                    }
                    replaced = true;
                } else {
                    pairs.add(pair);
                }
            }
            return pairs;
        }

        // ---- adding

        void add(String input, String target, List<String> headers, byte[] body) {
            add(ids.incrementAndGet(), input, target, headers, body);
        }

        private void add(int id, String input, String target) {
            add(id, input, target, List.of(), null);
        }

        private void add(int id, String input, String target, List<String> headers, byte[] body) {
            list.add(new Probe(id, route, target, input, identity, headers, body));
        }
    }

    /** The values to try for a field: the ones wrong for anything, and those wrong for its type. */
    private static List<Variant> variantsFor(Field field) {
        List<Variant> variants = new ArrayList<>(ANY_FIELD);
        variants.addAll(field.type() == Route.FieldType.TEXT ? TEXT_FIELD : TYPED_FIELD);
        return variants;
    }

    /** JSON values of other types than the field's (raw JSON). */
    private static List<Variant> wrongTypes(Field field) {
        List<Variant> variants =
                new ArrayList<>(List.of(Variant.of("null", "null"), Variant.of("an object", "{\"a\":1}")));
        switch (field.type()) {
            case INTEGER, NUMBER ->
                variants.addAll(List.of(
                        Variant.of("a fraction", "1.5"),
                        Variant.of("an integer too large for long", "99999999999999999999"),
                        Variant.of("a number too large for double", "1e999999"),
                        Variant.of("text", "\"seven\"")));
            case BOOLEAN -> variants.addAll(List.of(Variant.of("a number", "7"), Variant.of("text", "\"maybe\"")));
            case LIST -> variants.addAll(List.of(Variant.of("text", "\"a\""), Variant.of("a list of lists", "[[1]]")));
            default -> variants.addAll(List.of(Variant.of("a number", "7"), Variant.of("a list", "[\"a\",7]")));
        }
        return variants;
    }

    private static List<String> with(List<String> headers, String... more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(more));
        return all;
    }
}
