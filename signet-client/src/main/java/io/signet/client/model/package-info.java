/**
 * Requests and responses of the Authsignal Server API, as plain classes with public fields named as
 * on the wire, mirroring {@code com.authsignal.model} of authsignal-java 2.10.1 (plus the fields Signet
 * and newer SDKs know). A {@code null} field is not sent; an unknown field in a response is ignored.
 */
package io.signet.client.model;
