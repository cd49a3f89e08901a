package io.signet.http;

/** The body of deletes and revokes: SDKs need a JSON object, not an empty body (docs/server-api.md §2.5 "Responses"). */
public record Success(boolean success) {
    public static final Success OK = new Success(true);
}
