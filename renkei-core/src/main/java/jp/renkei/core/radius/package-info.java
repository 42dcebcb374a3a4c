/**
 * The RADIUS wire format (RFC 2865 packets and attributes, RFC 2866 accounting, RFC 5176
 * dynamic authorisation share it): decoding and encoding packets, request and response
 * authenticators with a shared secret, reading an Accounting-Request as an accounting record, and
 * CoA and Disconnect-Requests with a small blocking UDP client that sends them to a NAS. The
 * accounting server's sockets belong to the server.
 */
package jp.renkei.core.radius;
