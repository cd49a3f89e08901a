package io.signet.console;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every signed-in page and form of the console, by "METHOD /path", gathered from the page classes. */
final class ConsolePages {
    private final Map<String, ConsoleRoutes.ConsolePage> all = new LinkedHashMap<>();

    ConsolePages(ConsoleServices s, Layout layout) {
        new UserPages(s, layout).addTo(all);
        new UserActions(s, layout).addTo(all);
        new RulePages(s, layout).addTo(all);
        new WebhookPages(s, layout).addTo(all);
        new TenantPages(s, layout).addTo(all);
        new AuditPage(s, layout).addTo(all);
    }

    Map<String, ConsoleRoutes.ConsolePage> all() {
        return Map.copyOf(all);
    }
}
