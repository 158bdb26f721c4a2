package io.akhbar.arabic;

import static io.akhbar.arabic.NormalizationTable.K_COMBINING;
import static io.akhbar.arabic.NormalizationTable.K_DROP;
import static io.akhbar.arabic.NormalizationTable.K_EXPAND;
import static io.akhbar.arabic.NormalizationTable.K_HIGH_SURROGATE;
import static io.akhbar.arabic.NormalizationTable.K_JOIN_DROP;
import static io.akhbar.arabic.NormalizationTable.K_LOW_SURROGATE;
import static io.akhbar.arabic.NormalizationTable.K_MARK_DROP;
import static io.akhbar.arabic.NormalizationTable.TABLE;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The one normalization used for matching Arabic text everywhere (enrichment, query analysis,
 * the Elasticsearch token filter), so that what is indexed and what is searched agree.
 *
 * <p>Per char, in this order: NFKC (presentation forms and ligatures, fullwidth and other
 * compatibility chars); removal of tashkeel (U+064B–U+065F, U+0670, U+0610–U+061A), Quranic marks
 * (U+06D6–U+06ED, U+08D3–U+08FF), tatweel, bidi controls, ZWNJ/ZWJ, soft hyphen, word joiner and
 * BOM; أ إ آ ٱ ٲ ٳ → ا, ى ئ ی ې ے → ي, ؤ → و, ة ھ ہ ۀ ە → ه, ک → ك; every decimal digit (Arabic-Indic,
 * Persian, fullwidth...) → ASCII; ٫ ٬ ٪ → . , %; lower case (Locale-independent, one char to one
 * char). Whitespace and punctuation are kept, so text keeps its word boundaries; a zero-width
 * space becomes a space for the same reason.
 *
 * <p>The work is a single table lookup per char; java.text.Normalizer only runs on clusters whose
 * NFKC result depends on context (a base followed by a non-Arabic combining mark, Hangul jamo,
 * some supplementary chars). Dropping Arabic marks and folding hamza carriers makes canonical
 * composition irrelevant for Arabic: ا + U+0654 and أ both end up as ا.
 *
 * <p>Stateless and thread-safe. The first use builds the 128 KB table (tens of milliseconds on an
 * idle core, a few hundred on a busy one, mostly java.text.Normalizer); call it once at startup
 * if the first request matters.
 */
public final class ArabicNormalizer {

    /** {@link #normalizeChar(char)}: the char disappears. */
    public static final int DROPPED = -1;
    /** {@link #normalizeChar(char)}: the char becomes several chars or depends on its neighbours. */
    public static final int NEEDS_CONTEXT = -2;

    private ArabicNormalizer() {
    }

    /**
     * Normalizes text for matching. Returns {@code text} itself (no copy) when it is a String that
     * is already normalized.
     */
    public static String normalize(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (TABLE[c] != c) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        Out out = new Out(n, false);
        out.appendUnchanged(text, i);
        run(text, i, out);
        return out.toText();
    }

    /**
     * Normalizes text and remembers, for every normalized char, the span of {@code original} it
     * came from, so that matches found in the normalized text can be reported with the original
     * offsets and surface form.
     */
    public static NormalizedText normalizeWithOffsets(String original) {
        int n = original.length();
        int i = 0;
        while (i < n) {
            char c = original.charAt(i);
            if (TABLE[c] != c) {
                break;
            }
            i++;
        }
        if (i == n) {
            return new NormalizedText(original, original, null);
        }
        Out out = new Out(n, true);
        out.appendUnchanged(original, i);
        run(original, i, out);
        return new NormalizedText(original, out.toText(), out.starts);
    }

    /**
     * The normalized form of a single char: the folded char, {@link #DROPPED}, or
     * {@link #NEEDS_CONTEXT} for chars that expand (ligatures such as U+FEFB) or whose result
     * depends on neighbours (combining marks, surrogates); use a string method for those.
     */
    public static int normalizeChar(char c) {
        char v = TABLE[c];
        switch (v) {
            case K_JOIN_DROP:
            case K_MARK_DROP:
            case K_DROP:
                return DROPPED;
            case K_EXPAND:
            case K_COMBINING:
            case K_HIGH_SURROGATE:
            case K_LOW_SURROGATE:
                return NEEDS_CONTEXT;
            default:
                return v;
        }
    }

    /** True when {@link #normalize(CharSequence)} would return its input unchanged. */
    public static boolean isNormalized(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (TABLE[c] != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * In-place variant for token filters (e.g. over a Lucene term buffer): normalizes
     * {@code buf[0..len)} and returns the new length, with exactly the result of
     * {@link #normalize(CharSequence)}.
     *
     * <p>Normalization usually shrinks a term, but a few chars expand (ligatures like U+FEFB, or
     * U+FDFA which becomes 18 chars). If the result does not fit in {@code buf.length}, nothing is
     * written and the bitwise complement of the required capacity is returned (a negative number);
     * grow the buffer keeping its content and call again:
     * <pre>{@code
     * int n = ArabicNormalizer.normalize(buf, len);
     * if (n < 0) { buf = termAtt.resizeBuffer(~n); n = ArabicNormalizer.normalize(buf, len); }
     * termAtt.setLength(n);
     * }</pre>
     */
    public static int normalize(char[] buf, int len) {
        if (len < 0 || len > buf.length) {
            throw new IndexOutOfBoundsException("len " + len + " for buffer of " + buf.length);
        }
        int i = 0;
        while (i < len && TABLE[buf[i]] == buf[i]) {
            i++;
        }
        if (i == len) {
            return len;
        }
        for (int k = i; k < len; k++) {
            char v = TABLE[buf[k]];
            if (v == K_EXPAND || v == K_COMBINING || v == K_HIGH_SURROGATE || v == K_LOW_SURROGATE) {
                return normalizeViaString(buf, len);
            }
        }
        // Only 1:1 folds and drops from here on, so writing never overtakes reading.
        int w = i;
        for (int r = i; r < len; r++) {
            char c = buf[r];
            char v = TABLE[c];
            if (v == K_JOIN_DROP || v == K_MARK_DROP || v == K_DROP) {
                continue;
            }
            buf[w++] = v;
        }
        return w;
    }

    private static int normalizeViaString(char[] buf, int len) {
        String s = normalize(CharBuffer.wrap(buf, 0, len));
        if (s.length() > buf.length) {
            return ~s.length();
        }
        s.getChars(0, s.length(), buf, 0);
        return s.length();
    }

    /** The main loop, from the first char that changes. */
    private static void run(CharSequence s, int from, Out out) {
        int n = s.length();
        // Start of the cluster the current char belongs to, in the input and in the output: a
        // combining mark we keep sends the whole cluster through java.text.Normalizer again.
        int baseIn = -1;
        int baseOut = 0;
        if (from > 0) {
            baseIn = from - 1;
            baseOut = from - 1;
        }
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            char v = TABLE[c];
            if (v < K_JOIN_DROP || v > K_LOW_SURROGATE) {
                baseIn = i;
                baseOut = out.len;
                out.emit(v, i);
                i++;
                continue;
            }
            switch (v) {
                case K_MARK_DROP:
                case K_JOIN_DROP:
                case K_DROP:
                    // Not a base: once it is gone, a mark after it meets the char before it, and
                    // normalizing twice must not give something new.
                    i++;
                    break;
                case K_EXPAND: {
                    baseIn = i;
                    baseOut = out.len;
                    String e = NormalizationTable.expansion(c);
                    for (int k = 0; k < e.length(); k++) {
                        out.emit(e.charAt(k), i);
                    }
                    i++;
                    break;
                }
                case K_COMBINING:
                    if (baseIn < 0) {
                        baseIn = i;
                        baseOut = out.len;
                    }
                    i = slowCluster(s, baseIn, baseOut, i + 1, out);
                    break;
                case K_HIGH_SURROGATE: {
                    if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(i + 1));
                        if (NormalizationTable.supplementaryIsCombining(cp)) {
                            if (baseIn < 0) {
                                baseIn = i;
                                baseOut = out.len;
                            }
                            i = slowCluster(s, baseIn, baseOut, i + 2, out);
                        } else if (NormalizationTable.supplementaryNeedsWork(cp)) {
                            baseIn = i;
                            baseOut = out.len;
                            i = slowCluster(s, i, out.len, i + 2, out);
                        } else {
                            baseIn = i;
                            baseOut = out.len;
                            out.emit(c, i);
                            out.emit(s.charAt(i + 1), i + 1);
                            i += 2;
                        }
                    } else {
                        // An unpaired surrogate is garbage in, but must never break a pipeline.
                        baseIn = i;
                        baseOut = out.len;
                        out.emit(c, i);
                        i++;
                    }
                    break;
                }
                default: // K_LOW_SURROGATE, unpaired
                    if (baseIn >= 0 && baseOut == out.len - 1 && Character.isHighSurrogate(out.buf[baseOut])) {
                        // Dropped chars stood between the halves of a pair, which is whole now.
                        int cp = Character.toCodePoint(out.buf[baseOut], c);
                        if (NormalizationTable.supplementaryNeedsWork(cp)) {
                            i = slowCluster(s, baseIn, baseOut, i + 1, out);
                            break;
                        }
                    }
                    baseIn = i;
                    baseOut = out.len;
                    out.emit(c, i);
                    i++;
                    break;
            }
        }
    }

    /**
     * Re-does the cluster starting at {@code baseIn} (whose output began at {@code baseOut})
     * with java.text.Normalizer; {@code end} is just after the char that triggered it. Every
     * char produced starts where the cluster starts (and ends where it ends, as the cluster's
     * marks follow it). Returns where to continue.
     */
    private static int slowCluster(CharSequence s, int baseIn, int baseOut, int end, Out out) {
        int n = s.length();
        while (end < n) {
            char c = s.charAt(end);
            char v = TABLE[c];
            if (v == K_COMBINING || v == K_MARK_DROP) {
                end++;
            } else if (v == K_HIGH_SURROGATE && end + 1 < n && Character.isLowSurrogate(s.charAt(end + 1))
                    && NormalizationTable.supplementaryIsCombining(Character.codePointAt(s, end))) {
                end += 2;
            } else {
                break;
            }
        }
        // Dropped chars go first, so that what they separated composes now rather than on a
        // second normalization.
        StringBuilder cluster = new StringBuilder(end - baseIn);
        for (int k = baseIn; k < end; k++) {
            char c = s.charAt(k);
            char v = TABLE[c];
            if (v != K_JOIN_DROP && v != K_MARK_DROP && v != K_DROP) {
                cluster.append(c);
            }
        }
        String folded = fold(Normalizer.normalize(cluster, Normalizer.Form.NFKC));
        if (!Normalizer.isNormalized(folded, Normalizer.Form.NFKC)) {
            // Lower-casing can create a composable pair (T + U+0308 has no composite, t + U+0308
            // has): compose again so that a second normalization finds nothing to do.
            folded = fold(Normalizer.normalize(folded, Normalizer.Form.NFKC));
        }
        out.truncate(baseOut);
        for (int k = 0; k < folded.length(); k++) {
            out.emit(folded.charAt(k), baseIn);
        }
        return end;
    }

    /** The per-char rules applied to an NFKC string. */
    private static String fold(String nfkc) {
        StringBuilder sb = new StringBuilder(nfkc.length() + 4);
        for (int k = 0; k < nfkc.length(); ) {
            int cp = nfkc.codePointAt(k);
            k += Character.charCount(cp);
            if (cp >= 0x10000) {
                sb.appendCodePoint(NormalizationTable.foldCodePoint(cp));
                continue;
            }
            char c = (char) cp;
            char v = TABLE[c];
            if (v < K_JOIN_DROP || v > K_LOW_SURROGATE) {
                sb.append(v);
            } else if (v == K_EXPAND) {
                sb.append(NormalizationTable.expansion(c));
            } else if (v == K_COMBINING || v == K_HIGH_SURROGATE || v == K_LOW_SURROGATE) {
                sb.append(c);
            }
            // else: dropped
        }
        return sb.toString();
    }

    /**
     * Output buffer plus, when asked for, where each output char starts in the original. Only
     * starts are stored (ends follow from the original text, see {@link NormalizedText}), and only
     * from the first change of length: never for most Latin text, nor for Arabic text without
     * tashkeel or tatweel.
     */
    private static final class Out {
        char[] buf;
        int len;
        final boolean track;
        int[] starts;

        Out(int expected, boolean track) {
            this.buf = new char[expected + 16];
            this.track = track;
        }

        void appendUnchanged(CharSequence s, int count) {
            if (s instanceof String) {
                ((String) s).getChars(0, count, buf, 0);
            } else {
                for (int k = 0; k < count; k++) {
                    buf[k] = s.charAt(k);
                }
            }
            len = count;
        }

        void emit(char c, int origStart) {
            if (len == buf.length) {
                grow();
            }
            if (track) {
                if (starts == null) {
                    if (origStart == len) {
                        buf[len++] = c;
                        return;
                    }
                    materialize();
                }
                starts[len] = origStart;
            }
            buf[len++] = c;
        }

        void truncate(int newLen) {
            if (track && starts == null && newLen < len) {
                materialize();
            }
            len = newLen;
        }

        private void materialize() {
            starts = new int[buf.length];
            for (int k = 0; k < len; k++) {
                starts[k] = k;
            }
        }

        private void grow() {
            int cap = buf.length + (buf.length >> 1) + 16;
            buf = Arrays.copyOf(buf, cap);
            if (starts != null) {
                starts = Arrays.copyOf(starts, cap);
            }
        }

        String toText() {
            return new String(buf, 0, len);
        }
    }
}
