/** Key words and phrases of an article: {@link io.akhbar.arabic.keyword.KeyphraseExtractor}. */
package io.akhbar.arabic.keyword;
