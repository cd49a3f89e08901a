package io.signet.ui;

import io.signet.action.VerifiedAction;
import java.util.List;

/**
 * One valid token's page, as both the scripted page and its plain forms see it: the action, the language,
 * how the app opened it, and what the user can do there.
 *
 * @param methods      the user's enrolled methods the page can run, the default first
 * @param recoveryCode whether "use a recovery code" is offered
 * @param enrollable   the methods the tenant allows and the page can enrol
 * @param enrol        enrolment is offered (no method yet, or the token has {@code add:authenticators})
 * @param logoUrl      the tenant's logo as a {@code data:} URL, or null
 */
record Visit(VerifiedAction action, String lang, Mode mode, PageOrigins allowed, List<String> methods,
             boolean recoveryCode, List<String> enrollable, boolean enrol, String tenantName, String primaryColor,
             String logoUrl) {

    String tenantId() {
        return action.claims().tenantId();
    }

    /** Origins that may frame this page: the tenant's, in popup mode only. */
    List<String> frameAncestors() {
        return mode == Mode.POPUP ? allowed.frameAncestors() : List.of();
    }
}
