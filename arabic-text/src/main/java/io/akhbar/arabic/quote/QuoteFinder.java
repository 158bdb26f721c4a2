package io.akhbar.arabic.quote;

import io.akhbar.arabic.QuoteMarks;
import io.akhbar.arabic.Sentence;
import io.akhbar.arabic.Token;
import io.akhbar.arabic.TokenizedText;
import io.akhbar.arabic.WordSet;
import io.akhbar.arabic.entity.EntityExtractor;
import io.akhbar.arabic.entity.EntityMention;
import io.akhbar.arabic.entity.EntityType;
import io.akhbar.arabic.entity.ExtractedEntity;
import io.akhbar.arabic.entity.PersonCues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds quoted speech in a text and attributes it to a speaker among the entities found there.
 *
 * <p><b>Quotes.</b> Arabic news mixes “…”, ”…”, «…» and "…", often unbalanced, so whether a mark
 * opens or closes is read from what touches it (a space before and a letter after opens), the
 * glyph deciding only ties. A quotation still open at the next opening mark or at the end of the
 * paragraph ends at its last comma or full stop. Quoted names and terms («تاس», “إدارة مؤقتة”) are
 * not speech: a quotation needs {@value #MIN_WORDS} words.
 *
 * <p><b>Speakers.</b> Looking back from the quote within its sentence (and after any previous
 * quote): the subject of the last speech verb, i.e. the first person after «قال/وأكد/وأضاف» (an
 * organization if no person, «ذكرت وكالة تاس»), skipping names that cannot be the subject: after
 * أن/إن (the subject of reported speech), after a preposition (مع/عن/إلى, لبوتين) or a title in
 * construct (مبعوث بوتين, «Putin's envoy»). A verb or participle without a named subject
 * («وتابع:», «مضيفاً أن...», «وأضاف قائلاً») continues the previous quote's speaker in the same
 * paragraph. With no speech verb before it, the nearest name before the quote speaks («بوتين: «...»»),
 * and failing that a «قال X» right after it. Otherwise the speaker is unknown (null) rather than
 * guessed.
 *
 * <p>Linear in the text; immutable and thread-safe.
 */
public final class QuoteFinder {

    public static final int MIN_WORDS = 3;

    private static final int MAX_QUOTE_CHARS = 2_000;
    private static final int MAX_LOOK_BACK = 400;
    private static final int MAX_CONTINUATION_GAP = 700;
    private static final int MAX_WORDS_AFTER = 12;


    /** Words before a name that make it anything but the subject of the speech verb (normalized). */
    private static final WordSet NOT_SUBJECT_BEFORE = WordSet.of(
            "ان", "بان", "لان", "انه", "مع", "عن", "من", "الي", "علي", "ضد", "بين", "لدي", "حول", "مثل",
            "بمبعوث", "نحو", "عبر", "تجاه");

    private final PersonCues cues;

    public QuoteFinder() {
        this.cues = PersonCues.defaults();
    }

    /** Quotations of {@code text} in order, each with its speaker when one can be told. */
    public List<Quotation> find(TokenizedText text, List<ExtractedEntity> entities) {
        List<int[]> spans = quoteSpans(text.text());
        if (spans.isEmpty()) {
            return List.of();
        }
        List<Speaker> speakers = speakers(entities);
        List<Quotation> out = new ArrayList<>();
        Speaker previous = null;
        int previousEnd = 0;
        for (int[] span : spans) {
            int start = span[0];
            int end = span[1];
            int firstToken = text.tokenIndexAt(start);
            int endToken = text.tokenIndexAt(end);
            if (endToken - firstToken < MIN_WORDS || isOnlyAName(speakers, start, end)) {
                continue;
            }
            Speaker speaker = attribute(text, speakers, start - 1, end + 1, previousEnd, previous);
            Quotation q = speaker == null
                    ? new Quotation(text.text().substring(start, end), start, end, null, null)
                    : new Quotation(text.text().substring(start, end), start, end, speaker.entity.id(), speaker.entity.nameAr());
            out.add(q);
            previous = speaker;
            previousEnd = end + 1;
        }
        return out;
    }

    // ---- finding quotations -------------------------------------------------------------------------

    /** [start, end) of each quotation's inner text, trimmed. */
    static List<int[]> quoteSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int open = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2029') {
                if (open >= 0) {
                    addUnclosed(spans, text, open, i);
                    open = -1;
                }
                continue;
            }
            if (!QuoteMarks.isQuote(c)) {
                continue;
            }
            int role = QuoteMarks.role(text, i);
            if (open < 0) {
                if (role != QuoteMarks.CLOSE) {
                    open = i;
                }
            } else if (role == QuoteMarks.OPEN) {
                addUnclosed(spans, text, open, i);
                open = i;
            } else {
                add(spans, text, open + 1, i);
                open = -1;
            }
        }
        if (open >= 0) {
            addUnclosed(spans, text, open, n);
        }
        return spans;
    }

    /** A quotation nobody closed ends at its last comma or full stop, if it has one. */
    private static void addUnclosed(List<int[]> spans, String text, int open, int limit) {
        int end = limit;
        for (int k = limit - 1; k > open + 1; k--) {
            char c = text.charAt(k);
            if (c == '،' || c == ',' || c == '.' || c == '؛' || c == '!' || c == '؟' || c == '?') {
                end = c == '.' || c == '!' || c == '؟' || c == '?' ? k + 1 : k;
                break;
            }
        }
        add(spans, text, open + 1, end);
    }

    private static void add(List<int[]> spans, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && end - start <= MAX_QUOTE_CHARS) {
            spans.add(new int[] {start, end});
        }
    }

    // ---- attributing ----------------------------------------------------------------------------------

    /** A mention of a person or organization that could speak. */
    private record Speaker(int start, int end, ExtractedEntity entity) {
        boolean isPerson() {
            return entity.type() == EntityType.PERSON;
        }
    }

    private static List<Speaker> speakers(List<ExtractedEntity> entities) {
        List<Speaker> out = new ArrayList<>();
        for (ExtractedEntity e : entities) {
            if (e.type() == EntityType.LOCATION) {
                continue;
            }
            for (EntityMention m : e.mentions()) {
                if (m.field().equals(EntityExtractor.BODY)) {
                    out.add(new Speaker(m.start(), m.end(), e));
                }
            }
        }
        out.sort(Comparator.comparingInt(Speaker::start));
        return out;
    }

    private static boolean isOnlyAName(List<Speaker> speakers, int start, int end) {
        int k = firstAtOrAfter(speakers, start + 1) - 1;
        return k >= 0 && speakers.get(k).start <= start && speakers.get(k).end >= end;
    }

    /** Index of the first speaker mention starting at or after {@code offset}. */
    private static int firstAtOrAfter(List<Speaker> speakers, int offset) {
        int lo = 0;
        int hi = speakers.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (speakers.get(mid).start < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Speaker attribute(TokenizedText text, List<Speaker> speakers, int openMark, int afterClose,
                              int previousEnd, Speaker previous) {
        int windowStart = Math.max(Math.max(sentenceStart(text, openMark), previousEnd), openMark - MAX_LOOK_BACK);
        List<Token> tokens = text.tokens();
        int from = text.tokenIndexAt(windowStart);
        int to = text.tokenIndexAt(openMark);
        boolean anyVerb = false;
        boolean continuation = false;
        for (int v = to - 1; v >= from; v--) {
            String s = tokens.get(v).normalized();
            if (cues.isContinuation(s)) {
                continuation = true;
            }
            if (!isSpeechVerb(s)) {
                continue;
            }
            anyVerb = true;
            Speaker subject = subjectAfter(text, speakers, v, to);
            if (subject == null) {
                subject = subjectBefore(text, speakers, v, from);
            }
            if (subject != null) {
                return subject;
            }
        }
        if ((anyVerb || continuation) && previous != null && openMark - previousEnd <= MAX_CONTINUATION_GAP
                && !hasLineBreak(text.text(), previousEnd, openMark)) {
            return previous;
        }
        if (!anyVerb && !continuation) {
            for (int k = firstAtOrAfter(speakers, openMark) - 1; k >= 0 && speakers.get(k).start >= windowStart; k--) {
                Speaker s = speakers.get(k);
                if (s.isPerson() && canBeSubject(text, s)) {
                    return s;
                }
            }
        }
        return speakerAfterQuote(text, speakers, afterClose);
    }

    private boolean isSpeechVerb(String token) {
        return cues.isSpeechVerbWithPronoun(token);
    }

    /** The first person after verb {@code v} and before the next verb or the quote; else an organization right after it. */
    private Speaker subjectAfter(TokenizedText text, List<Speaker> speakers, int v, int to) {
        List<Token> tokens = text.tokens();
        int limit = to;
        for (int k = v + 1; k < to; k++) {
            if (isSpeechVerb(tokens.get(k).normalized())) {
                limit = k;
                break;
            }
        }
        int from = tokens.get(v).end();
        int until = limit < tokens.size() ? tokens.get(limit).start() : text.text().length();
        Speaker organization = null;
        for (int k = firstAtOrAfter(speakers, from); k < speakers.size() && speakers.get(k).start < until; k++) {
            Speaker s = speakers.get(k);
            if (s.isPerson()) {
                if (canBeSubject(text, s)) {
                    return s;
                }
            } else if (organization == null && text.tokenIndexAt(s.start) - v <= 2 && canBeSubject(text, s)) {
                organization = s;
            }
        }
        return organization;
    }

    /** A person right before the verb, in subject-verb order («بوتين قال»). */
    private Speaker subjectBefore(TokenizedText text, List<Speaker> speakers, int v, int from) {
        if (v == 0 || v - 1 < from) {
            return null;
        }
        Token before = text.tokens().get(v - 1);
        int k = firstAtOrAfter(speakers, before.end()) - 1;
        if (k >= 0) {
            Speaker s = speakers.get(k);
            if (s.end == before.end() && s.isPerson() && canBeSubject(text, s)) {
                return s;
            }
        }
        return null;
    }

    /** «...»، قال بوتين: a speech verb and a person in the words after the quote. */
    private Speaker speakerAfterQuote(TokenizedText text, List<Speaker> speakers, int afterClose) {
        List<Token> tokens = text.tokens();
        int first = text.tokenIndexAt(afterClose);
        int sentenceEnd = sentenceEnd(text, afterClose);
        for (int k = first; k < Math.min(tokens.size(), first + MAX_WORDS_AFTER) && tokens.get(k).start() < sentenceEnd; k++) {
            if (isSpeechVerb(tokens.get(k).normalized())) {
                Speaker s = subjectAfter(text, speakers, k, Math.min(tokens.size(), k + 6));
                return s != null && s.isPerson() ? s : null;
            }
            if (QuoteMarks.isQuote(text.text().charAt(Math.max(0, tokens.get(k).start() - 1)))) {
                return null; // the next quotation begins
            }
        }
        return null;
    }

    /** Whether a name can be the subject of a speech verb, judging by what precedes it. */
    private boolean canBeSubject(TokenizedText text, Speaker s) {
        int k = text.tokenIndexAt(s.start);
        List<Token> tokens = text.tokens();
        if (k < tokens.size() && tokens.get(k).start() > s.start) {
            k--; // the mention starts inside its token, after a glued prefix
        }
        if (k >= 0 && k < tokens.size() && tokens.get(k).start() < s.start) {
            String prefix = text.text().substring(tokens.get(k).start(), s.start);
            if (prefix.indexOf('ل') >= 0 || prefix.indexOf('ب') >= 0) {
                return false; // لبوتين، بمبعوث: an object, not a subject
            }
            k--;
        } else {
            k--;
        }
        if (k < 0) {
            return true;
        }
        String before = tokens.get(k).normalized();
        return !NOT_SUBJECT_BEFORE.contains(before) && !(cues.isTitle(before) && !before.startsWith("ال")
                && !before.startsWith("وال") && !before.startsWith("بال"));
    }

    private static boolean hasLineBreak(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Start of the sentence holding {@code offset} (binary search: texts may have many). */
    private static int sentenceStart(TokenizedText text, int offset) {
        List<Sentence> sentences = text.sentences();
        int k = lastStartingAtOrBefore(sentences, offset);
        return k < 0 ? 0 : sentences.get(k).start();
    }

    private static int sentenceEnd(TokenizedText text, int offset) {
        List<Sentence> sentences = text.sentences();
        int k = lastStartingAtOrBefore(sentences, offset);
        if (k >= 0 && sentences.get(k).end() > offset) {
            return sentences.get(k).end();
        }
        return k + 1 < sentences.size() ? sentences.get(k + 1).end() : text.text().length();
    }

    private static int lastStartingAtOrBefore(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).start() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
