/** The exception the client's futures fail with when the API answers with an error. */
package io.signet.client.exception;
