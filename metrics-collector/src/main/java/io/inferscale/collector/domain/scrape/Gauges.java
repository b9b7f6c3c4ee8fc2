package io.inferscale.collector.domain.scrape;

import java.util.List;

/** Reads plain gauge and counter families over the selected series; NaN samples are ignored. */
final class Gauges {
    private Gauges() {}

    /** The sum over the selected series, or null when the family has no usable sample. */
    static Double sum(Exposition exposition, String name, SeriesSelector selector) {
        double s = sum(exposition, name, selector, Double.NaN);
        return Double.isNaN(s) ? null : s;
    }

    static double sum(
            Exposition exposition, String name, SeriesSelector selector, double otherwise) {
        List<Sample> samples = selector.select(exposition.samples(name));
        double total = 0;
        int used = 0;
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                total += s.value();
                used++;
            }
        }
        return used == 0 ? otherwise : total;
    }

    /** The mean over the selected series (per-engine or per-GPU fractions), or null. */
    static Double mean(Exposition exposition, String name, SeriesSelector selector) {
        List<Sample> samples = selector.select(exposition.samples(name));
        double total = 0;
        int used = 0;
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                total += s.value();
                used++;
            }
        }
        return used == 0 ? null : total / used;
    }
}
