/**
 * A Java client for the Authsignal Server API v1, usable against Signet and Authsignal alike. Start
 * with {@link io.signet.client.AuthsignalClient}; its API mirrors authsignal-java 2.10.1, so code
 * written for that SDK ports by changing the imports from {@code com.authsignal} to
 * {@code io.signet.client} and the base URL.
 */
package io.signet.client;
