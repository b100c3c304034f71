package org.cycleprop.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's Table 1 layout: one row per method (a method may have several training seeds), one column group
 * per test set, J / F / J&F / DSC as mean ± half-range over seeds (a single seed shows no spread).
 */
public final class ComparisonTable {
    private final Map<String, Map<String, List<MeanScore>>> cells = new LinkedHashMap<>();
    private final List<String> testSets = new ArrayList<>();

    /** Adds one benchmark result of {@code method} (one seed) on {@code testSet}. */
    public void add(String method, String testSet, MeanScore score) {
        if (!testSets.contains(testSet)) testSets.add(testSet);
        cells.computeIfAbsent(method, k -> new LinkedHashMap<>()).computeIfAbsent(testSet, k -> new ArrayList<>())
                .add(score);
    }

    /** The scores of {@code method} on {@code testSet}, one per seed. */
    public List<MeanScore> scores(String method, String testSet) {
        return cells.getOrDefault(method, Map.of()).getOrDefault(testSet, List.of());
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| method | seeds |");
        for (String t : testSets) b.append(" ").append(t).append(" J | F | J&F | DSC |");
        b.append("\n|---|---:|");
        for (int i = 0; i < testSets.size(); i++) b.append("---:|---:|---:|---:|");
        b.append("\n");
        for (Map.Entry<String, Map<String, List<MeanScore>>> row : cells.entrySet()) {
            int seeds = row.getValue().values().stream().mapToInt(List::size).max().orElse(0);
            b.append("| ").append(row.getKey()).append(" | ").append(seeds).append(" |");
            for (String t : testSets) {
                List<MeanScore> s = row.getValue().getOrDefault(t, List.of());
                // a cell measured on fewer seeds than its row says how many
                String fewer = !s.isEmpty() && s.size() < seeds ? " (" + s.size() + " seed" + (s.size() > 1 ? "s" : "") + ")" : "";
                b.append(" ").append(cell(s, 0)).append(fewer).append(" | ").append(cell(s, 1)).append(" | ")
                        .append(cell(s, 2)).append(fewer).append(" | ").append(cell(s, 3)).append(" |");
            }
            b.append("\n");
        }
        return b.toString();
    }

    /** Mean ± half-range in percent of one measure (0 J, 1 F, 2 J&F, 3 DSC) over seeds. */
    static String cell(List<MeanScore> scores, int measure) {
        if (scores.isEmpty()) return "–";
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (MeanScore s : scores) {
            double v = 100 * (measure == 0 ? s.j() : measure == 1 ? s.f() : measure == 2 ? s.jf() : s.dsc());
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / scores.size();
        return scores.size() == 1 ? String.format(Locale.ROOT, "%.1f", mean)
                : String.format(Locale.ROOT, "%.1f ± %.1f", mean, (max - min) / 2);
    }
}
