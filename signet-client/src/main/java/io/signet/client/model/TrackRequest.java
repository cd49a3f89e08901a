package io.signet.client.model;

/** An action to track for a user. */
public class TrackRequest {
    /** The ID of the user; an unknown ID creates the user. */
    public String userId;

    /** The action code, e.g. {@code signIn} ({@code [a-zA-Z0-9_-]}, at most 64). */
    public String action;

    /** What is known about the action; may be {@code null}. */
    public TrackAttributes attributes;

    /** Creates an instance with every field unset. */
    public TrackRequest() {
    }
}
