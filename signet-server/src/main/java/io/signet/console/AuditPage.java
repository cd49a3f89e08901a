package io.signet.console;

import io.signet.tenant.AuditEvent;
import io.signet.wire.WireTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log of every console action across tenants: operator, time, tenant, action, target, reason. */
final class AuditPage {
    static final int PAGE = 50;

    private final ConsoleAudit audit;
    private final Layout layout;

    AuditPage(ConsoleServices s, Layout layout) {
        this.audit = new ConsoleAudit(s.tenants());
        this.layout = layout;
    }

    void addTo(Map<String, ConsoleRoutes.ConsolePage> pages) {
        pages.put("GET /console/audit", this::list);
    }

    private Answer list(ConsoleRequest r) {
        List<AuditEvent> events = audit.page(r.param("before"), PAGE + 1);
        List<List<String>> rows = new ArrayList<>();
        events.stream().limit(PAGE).forEach(e -> rows.add(List.of(Html.text(WireTime.iso(e.createdAt())),
                Html.text(e.actor().substring(e.actor().indexOf(':') + 1)), Html.text(e.address()),
                "<code>" + Html.text(e.tenantId()) + "</code>", Html.text(e.action()),
                Html.text(e.details().get("target")), Html.text(e.details().get("reason")))));
        String older = events.size() > PAGE ? "<p>" + Html.link(r.at("/console/audit?before="
                + Html.q(events.get(PAGE - 1).auditId())), "Older entries") + "</p>" : "";
        return Answer.page(layout.page(200, r, "Audit log", Html.table("Console actions, newest first",
                List.of("Time", "Operator", "Address", "Tenant", "Action", "Target", "Reason"), rows) + older));
    }
}
