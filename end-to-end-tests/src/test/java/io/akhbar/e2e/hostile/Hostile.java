package io.akhbar.e2e.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generators of hostile input, all driven by one seeded {@link Random} so that a failing case is reproduced by
 * running again with the same seed. Strings carry a token where the service would keep them, so that a test can
 * tell whether a rejected request left anything in Kafka.
 */
final class Hostile {

    /** Elasticsearch and Lucene syntax that must never reach Elasticsearch as syntax. */
    static final List<String> ELASTICSEARCH_SYNTAX = List.of(
            "*", "?", "/.*/", "/[a-z]+.*/", "title:ترمب", "_all:*", "_id:*", "_exists_:body", "body:/.*/",
            "a AND b OR c NOT d", "(a OR (b AND c", ")", "a~10", "\"a b\"~100", "a^1000", "title:[* TO *]",
            "{* TO *}", "a && b || !c", "+a -b", "\\", "\"", "\"unterminated", "-", "--", "OR", "AND OR NOT",
            "{\"script\":{\"source\":\"System.exit(0)\"}}", "{\"query\":{\"match_all\":{}}}",
            "{\"script_score\":{\"script\":\"Math.random()\"}}", "doc['body'].value", "ctx._source.remove('body')",
            "_search?size=10000", "../../_cat/indices", "%2e%2e%2f_cluster%2fsettings", "articles*", "*:*",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "<script>alert(1)</script>", "'; DROP TABLE articles;--",
            "\u202Eخبر", "ﷺ".repeat(40), "الـــــــــــــــــــ", "،؛؟", "\u200B\u200C\u200D\uFEFF", "🙂🙃".repeat(20));

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String word() {
        StringBuilder word = new StringBuilder();
        for (int i = between(2, 9); i > 0; i--) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    /** Readable article text holding the token, acceptable as a body. */
    String text(String token) {
        return "خبر عن " + token + " في " + word() + " و" + word() + ".";
    }

    /** Characters from every awkward corner of Unicode, control characters included. */
    String garbage(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = between(0, maxLength);
        while (text.length() < length) {
            switch (random.nextInt(9)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) between(0x20, 0x7e));
                case 2 -> text.append((char) between(0x600, 0x6ff));
                case 3 -> text.append(random.nextBoolean() ? '\uD800' : '\uDFFF');
                case 4 -> text.appendCodePoint(between(0x1F300, 0x1FAFF));
                case 5 -> text.append(pick(List.of("\u202E", "\u200F", "\uFEFF", "\uFFFD", "\uFFFF", "\u0000")));
                case 6 -> text.append(pick(List.of("\"", "\\", "'", "<", ">", "&", "%", "{", "}", "[", "]", "\r\n")));
                case 7 -> text.append((char) between(0x80, 0x9f));
                default -> text.append(word());
            }
        }
        return text.toString();
    }

    /** A string a client should not send as article text, each kind with the token in it. */
    String hostileText(String token) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> " \t\r\n ";
            case 2 -> text(token) + "\u0000" + word();
            case 3 -> text(token) + "\uD800";
            case 4 -> "\uDC00" + text(token);
            case 5 -> token + " " + garbage(200);
            case 6 -> pick(ELASTICSEARCH_SYNTAX) + " " + token;
            case 7 -> "1234567890 ٣٤٥ ... !?";
            case 8 -> text(token) + " " + "x".repeat(between(1_000, 60_000));
            case 9 -> token + "\r\nX-Injected: 1\r\n\r\n<html>";
            case 10 -> "\u202E" + text(token) + "\u202C";
            default -> text(token);
        };
    }

    /** Anything but a string: numbers, booleans, null, arrays, objects, deep nesting. */
    Object wrongType(String token) {
        return switch (random.nextInt(9)) {
            case 0 -> new Json.Raw(Long.toString(random.nextLong()));
            case 1 -> new Json.Raw(pick(List.of("1e400", "-0", "0.0000000000000000000001", "1" + "0".repeat(400),
                    "NaN", "Infinity", "-Infinity", "0x10", "01")));
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> List.of(text(token), 1, true);
            case 5 -> Map.of("script", Map.of("source", "System.exit(0)"), "text", text(token));
            case 6 -> new Json.Raw(nested(between(20, 10_000), random.nextBoolean()));
            case 7 -> Map.of();
            default -> List.of();
        };
    }

    /** {@code depth} nested arrays or objects; well-formed, so only a nesting limit stops the parser. */
    String nested(int depth, boolean arrays) {
        StringBuilder json = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? "[" : "{\"a\":");
        }
        json.append("1");
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? "]" : "}");
        }
        return json.toString();
    }

    /**
     * An article object: a valid one, often with odd but acceptable content (query syntax in the title, emoji), then
     * none, one or two fields made hostile or of the wrong type; sometimes with odd extra fields.
     */
    Map<String, Object> article(String token) {
        Map<String, Object> article = new LinkedHashMap<>();
        if (chance(0.7)) {
            article.put("title", "عنوان " + token + (chance(0.3) ? " " + pick(ELASTICSEARCH_SYNTAX) : ""));
        }
        article.put("body", text(token) + (chance(0.3) ? " " + pick(ELASTICSEARCH_SYNTAX) : ""));
        if (chance(0.6)) {
            article.put("url", "https://example.com/hostile/" + token);
        }
        if (chance(0.5)) {
            article.put("source", pick(List.of("مصدر", "Source", "*", "_all")));
        }
        if (chance(0.4)) {
            article.put("language", pick(List.of("ar", "en")));
        }
        if (chance(0.4)) {
            article.put("publishedAt", pick(List.of("2026-01-22T10:15:30Z", "2026-01-22", "2026-01-22T10:15:30+03:00")));
        }
        for (int i = between(0, 2); i > 0; i--) {
            String name = pick(List.of("title", "body", "url", "source", "language", "publishedAt"));
            article.put(name, chance(0.7) ? hostileValue(name, token) : wrongType(token));
        }
        if (chance(0.15)) {
            article.put(pick(List.of("script", "_all", "_id", "_index", "__proto__", "constructor", "id", "query",
                    "\u0000", "\uD800", "")), wrongType(token));
        }
        return article;
    }

    private String hostileValue(String field, String token) {
        return switch (field) {
            case "url" -> pick(List.of("javascript:alert(1)", "ftp://a/b", "http://", "//example.com/a",
                    "http:// space.example/", "\u0001http://example.com/" + token, "https://example.com/" + token + "/\u0000",
                    "http://[::1/" + token, "https://" + "a".repeat(3_000) + ".com/"));
            case "language" -> pick(List.of("AR", "arabic", "a", "ar-EG", "1", "", "\u0000"));
            case "publishedAt" -> pick(List.of("2026-13-45", "+999999999-12-31T23:59:59Z", "-999999999-01-01", "0000-00-00",
                    "yesterday", "1769076930", "2026-01-22T10:15:30", "9999-12-31T23:59:59.999999999+18:00"));
            default -> hostileText(token);
        };
    }

    /** Malformed JSON built from well-formed JSON by one of the usual breakages. */
    String breakJson(String json) {
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json.replaceFirst("\"", "");
            case 2 -> json.replaceFirst("}$", ",}");
            case 3 -> json + " trailing";
            case 4 -> json + json;
            case 5 -> "\uFEFF" + json;
            case 6 -> "/* comment */" + json;
            case 7 -> json.replace('"', '\'');
            case 8 -> json.replaceFirst(":", "");
            case 9 -> json.replaceFirst("\\{", "{\"body\":\"a\",\"body\":");
            case 10 -> "";
            default -> garbage(300);
        };
    }

    /** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates encoded raw, cut sequences. */
    byte[] invalidUtf8() {
        List<byte[]> sequences = List.of(
                new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        return sequences.get(random.nextInt(sequences.size()));
    }

    /** A query parameter value: ES syntax, garbage, huge, or plain. */
    String queryValue(String token) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> pick(ELASTICSEARCH_SYNTAX);
            case 3 -> garbage(60);
            case 4 -> "x".repeat(between(500, 5_000));
            case 5 -> String.join(" ", repeat(between(30, 200), this::word));
            case 6 -> "\"" + word() + " " + pick(ELASTICSEARCH_SYNTAX) + "\" OR -" + word();
            default -> word() + " " + token;
        };
    }

    /** Page sizes and limits that are negative, huge, fractional or not numbers at all. */
    String number() {
        return pick(List.of("-1", "0", "1", "100", "101", "10000", "2147483647", "2147483648", "-2147483649",
                "99999999999999999999", "1.5", "1e3", "abc", "", " ", "0x10", "NaN", "١٠", "+5", "5 OR 1=1", "%00"));
    }

    String cursor() {
        return pick(List.of("", "garbage", "eyJ9", "eyJxdWVyeUtleSI6IngiLCJzZWFyY2hBZnRlciI6W119",
                java.util.Base64.getUrlEncoder().encodeToString("{\"queryKey\":\"x\",\"searchAfter\":[1e400]}".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString(("{\"queryKey\":\"x\",\"searchAfter\":[" + nested(5_000, true) + "]}").getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("{\"queryKey\":\"x\",\"searchAfter\":[{\"script\":\"x\"}],\"pit\":\"../../\"}".getBytes()),
                "A".repeat(between(9_000, 20_000)), "!!!!", "%ZZ", garbage(50)));
    }

    private static List<String> repeat(int count, java.util.function.Supplier<String> value) {
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(value.get());
        }
        return values;
    }
}
