package io.signet.user;

/** Filters of queryUsers (each optional) and the page: users after {@code afterUserId}, at most {@code limit}. */
public record UserQuery(String email, String phoneNumber, String username, int limit, String afterUserId) {
}
