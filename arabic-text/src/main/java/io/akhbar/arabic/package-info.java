/**
 * Arabic language logic shared by enrichment (NLP service), query analysis (search service) and
 * the Elasticsearch token filters, so that all of them see the same words.
 *
 * <ul>
 *   <li>{@link io.akhbar.arabic.ArabicNormalizer}: matching form of text, with offsets back to the
 *       original ({@link io.akhbar.arabic.NormalizedText});</li>
 *   <li>{@link io.akhbar.arabic.ArabicTokenizer}: tokens and sentences of the original text;</li>
 *   <li>{@link io.akhbar.arabic.Clitics}: readings of a token without و ف ب ك ل ال, and pronoun
 *       suffixes;</li>
 *   <li>{@link io.akhbar.arabic.LightStemmer} with {@link io.akhbar.arabic.ProtectedWords}: light10
 *       style stemming that leaves names alone;</li>
 *   <li>{@link io.akhbar.arabic.ArabicStopWords}: stop words in normalized form;</li>
 *   <li>{@link io.akhbar.arabic.LanguageDetector}: Arabic versus Persian, Urdu and others;</li>
 *   <li>{@link io.akhbar.arabic.TokenizedText}: a text tokenized once for the analyses below.</li>
 * </ul>
 *
 * <p>Built on them, the enrichment of an article ({@link io.akhbar.arabic.enrich.Enricher}):
 * entities with a gazetteer that search-service also uses for queries ({@code entity}), quotes and
 * their speakers ({@code quote}), keyphrases ({@code keyword}), an extractive summary
 * ({@code summary}) and a near-duplicate fingerprint ({@code fingerprint}).
 *
 * <p>Everything works on NORMALIZED text except the tokenizer (which reads the original and
 * gives both forms) and the language detector (which needs the letters normalization folds). All
 * classes are immutable and thread-safe, and the hot paths also take char buffers, for token
 * filters. No runtime dependencies.
 */
package io.akhbar.arabic;
