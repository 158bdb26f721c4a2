package io.akhbar.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The search-service answer {@code {total, hits:[{id,title,snippet,source,publishedAt,language,score}]}}. */
record SearchResults(long total, List<Hit> hits) {

    record Hit(String id, String title, double score) {
    }

    private static final int TITLE_WIDTH = 70;

    @SuppressWarnings("unchecked")
    static SearchResults parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        List<Hit> hits = new ArrayList<>();
        Object rawHits = root.get("hits");
        if (rawHits instanceof List<?> list) {
            for (Object rawHit : list) {
                Map<String, Object> hit = (Map<String, Object>) rawHit;
                hits.add(new Hit(String.valueOf(hit.get("id")), Objects.toString(hit.get("title"), ""),
                        hit.get("score") instanceof Number score ? score.doubleValue() : Double.NaN));
            }
        }
        long total = root.get("total") instanceof Number number ? number.longValue() : hits.size();
        return new SearchResults(total, hits);
    }

    boolean containsId(String id) {
        return hits.stream().anyMatch(hit -> hit.id().equals(id));
    }

    /** Title comes last: Arabic is laid out right to left and would push any column after it out of line. */
    String toTable() {
        if (hits.isEmpty()) {
            return "  (no hits)";
        }
        int idWidth = Math.max(2, hits.stream().mapToInt(hit -> hit.id().length()).max().orElse(2));
        StringBuilder table = new StringBuilder();
        String format = "  %-3s %8s  %-" + idWidth + "s  %s%n";
        table.append(String.format(format, "#", "score", "id", "title"));
        table.append(String.format(format, "-", "-----", "-".repeat(idWidth), "-".repeat(5)));
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            table.append(String.format(format, i + 1, String.format("%.3f", hit.score()), hit.id(),
                    abbreviate(hit.title().replaceAll("\\s+", " ").strip())));
        }
        return table.toString().stripTrailing();
    }

    private static String abbreviate(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
    }
}
