/** Quoted speech and who said it: {@link io.akhbar.arabic.quote.QuoteFinder}. */
package io.akhbar.arabic.quote;
