package io.signet.webhook;

import java.util.List;

/** Body of create and update endpoint: every field optional on update (absent means unchanged). */
record EndpointRequest(String url, List<String> eventTypes, Boolean enabled) {
}
