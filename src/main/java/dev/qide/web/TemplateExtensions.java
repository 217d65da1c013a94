package dev.qide.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers for templates: {@code {instant.ago}}, {@code {instant.date}}. */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TemplateExtensions() {}

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", or the date when older than a month. */
    static String ago(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration elapsed = Duration.between(
                instant, Arc.container().select(Clock.class).get().instant());
        if (elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toHours() < 1) {
            return plural(elapsed.toMinutes(), "minute") + " ago";
        }
        if (elapsed.toDays() < 1) {
            return plural(elapsed.toHours(), "hour") + " ago";
        }
        if (elapsed.toDays() < 31) {
            return plural(elapsed.toDays(), "day") + " ago";
        }
        return "on " + date(instant);
    }

    /** The text as a URL query value. */
    static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** "22 Nov 2026" (UTC). */
    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** 128000 as "128,000". */
    static String grouped(Integer number) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(number);
    }
}
