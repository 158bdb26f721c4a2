/** One- or two-sentence extractive summaries: {@link io.akhbar.arabic.summary.Summarizer}. */
package io.akhbar.arabic.summary;
