package dev.qide.quota;

import dev.qide.quota.QuotaService.DailyCount;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart of two daily series drawn on the server as SVG: the page shows it with no script and no inline
 * style (the CSP allows neither). Geometry only; the template draws it and CSS colours it.
 */
public record UsageChart(List<Bar> bars, List<Label> labels, long max, int width, int height) {

    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    static final int AXIS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One bar: where it is, how tall, which series and its tooltip. */
    public record Bar(int x, int y, int width, int height, String series, String title) {}

    /** A day's name under the axis; {@code anchor} is the SVG text-anchor (the last one ends at the edge). */
    public record Label(int x, String text, String anchor) {}

    public static UsageChart of(List<DailyCount> first, String firstName, List<DailyCount> second, String secondName) {
        long max = Math.max(1, Math.max(peak(first), peak(second)));
        int days = first.size();
        int slot = WIDTH / days;
        int barWidth = Math.max(2, (slot - 4) / 2);
        int plot = HEIGHT - AXIS;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            int x = i * slot + 2;
            bars.add(bar(x, barWidth, plot, max, first.get(i), "api", firstName));
            bars.add(bar(x + barWidth, barWidth, plot, max, second.get(i), "llm", secondName));
            int fromEnd = days - 1 - i;
            if (fromEnd % 7 == 0) {
                boolean last = fromEnd == 0;
                labels.add(new Label(
                        last ? x + 2 * barWidth : x, DAY.format(first.get(i).day()), last ? "end" : "start"));
            }
        }
        return new UsageChart(bars, labels, max, WIDTH, HEIGHT);
    }

    private static Bar bar(int x, int width, int plot, long max, DailyCount count, String series, String name) {
        int height = (int) Math.round(count.count() * (double) (plot - 4) / max);
        if (count.count() > 0) {
            height = Math.max(height, 2);
        }
        return new Bar(
                x, plot - height, width, height, series, DAY.format(count.day()) + ": " + count.count() + " " + name);
    }

    private static long peak(List<DailyCount> counts) {
        return counts.stream().mapToLong(DailyCount::count).max().orElse(0);
    }

    /** Where the axis line is drawn. */
    public int axisY() {
        return height - AXIS;
    }

    /** Where the day labels sit. */
    public int labelY() {
        return height - 5;
    }
}
