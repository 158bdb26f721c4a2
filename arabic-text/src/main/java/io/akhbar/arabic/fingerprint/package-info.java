/** Near-duplicate fingerprints, to group copies of one story: {@link io.akhbar.arabic.fingerprint.SimHash}. */
package io.akhbar.arabic.fingerprint;
