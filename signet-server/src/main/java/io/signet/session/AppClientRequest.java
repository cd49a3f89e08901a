package io.signet.session;

/**
 * Body of {@code POST /admin/v1/clients} and {@code PATCH /admin/v1/clients/{clientId}}: on update an absent
 * field keeps its value. Lifetimes are in seconds.
 */
public record AppClientRequest(String name, Long accessTokenLifetime, Long refreshTokenLifetime) {
}
