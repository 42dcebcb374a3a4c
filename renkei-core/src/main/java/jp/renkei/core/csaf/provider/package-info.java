/**
 * Publishing as a CSAF provider (section 7): {@link jp.renkei.core.csaf.provider.ProviderDistribution} turns
 * the published documents into every file to serve under {@code /.well-known/csaf/} — TLP directories with
 * year folders, hashes, {@code index.txt}, {@code changes.csv}, ROLIE feeds, {@code provider-metadata.json}
 * — and {@link jp.renkei.core.csaf.provider.ProviderConsistency} checks such a directory tells one story.
 * Serving (and protecting TLP:AMBER and TLP:RED directories) is the server's job.
 */
package jp.renkei.core.csaf.provider;
