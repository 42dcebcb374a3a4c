/**
 * The RADIUS wire format (RFC 2865 packets and attributes, RFC 2866 accounting, RFC 5176
 * dynamic authorisation share it): decoding and encoding packets, request and response
 * authenticators with a shared secret, and reading an Accounting-Request as an accounting record.
 * No sockets here; the server owns those.
 */
package jp.renkei.core.radius;
