package io.akhbar.arabic;

import java.util.Objects;

/**
 * A language guess.
 *
 * @param code       ISO 639-1 code ({@code ar}, {@code fa}, {@code ur}, {@code en}...), or
 *                   {@code und} when undetermined
 * @param confidence 0..1; always 0 for {@code und}
 */
public record LanguageGuess(String code, double confidence) {

    public static final String UNDETERMINED_CODE = "und";
    public static final LanguageGuess UNDETERMINED = new LanguageGuess(UNDETERMINED_CODE, 0.0);

    public LanguageGuess {
        Objects.requireNonNull(code);
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
        }
    }

    public boolean isUndetermined() {
        return UNDETERMINED_CODE.equals(code);
    }

    public boolean is(String languageCode) {
        return code.equals(languageCode);
    }
}
