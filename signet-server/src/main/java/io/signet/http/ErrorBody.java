package io.signet.http;

import io.signet.error.ErrorCode;

/**
 * The error shape every SDK parses: Node, Java and .NET read {@code error}, Go, Python and PHP read
 * {@code errorCode}, so both carry the same code (docs/server-api.md §3.1 "Error body").
 */
public record ErrorBody(String error, String errorCode, String errorDescription) {
    public static ErrorBody of(ErrorCode code, String description) {
        return new ErrorBody(code.code(), code.code(), description);
    }
}
