/**
 * The vendor's PSIRT: the published contact point ({@code security.txt}, disclosure policy, public
 * report form, intake API), vulnerability reports with tracking ids, acknowledgement mail and
 * clocks, and the vulnerability records they are triaged into. Faces are the interfaces here;
 * storage is in {@code internal}, pages and REST in {@code web}.
 */
package jp.renkei.server.vendor.psirt;
