/**
 * Benchmarks and load harnesses. Each measures Renkei against a peer in the same run, and
 * docs/benchmarks.md records the figures with the command that produced them.
 */
package jp.renkei.bench;
