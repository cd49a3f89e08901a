package io.signet.action;

import io.signet.rule.RuleSet;
import io.signet.user.Enrollment;
import io.signet.user.User;
import io.signet.user.UserChanges;
import io.signet.wire.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the input rule conditions read (README "Actions and rules" documents it):
 * <pre>
 * actionCode                       the action code being tracked
 * user.userId, email, phoneNumber, username, displayName
 * user.custom                      the user's custom data, as updateUser last set it
 * user.isEnrolled                  at least one verified authenticator
 * user.enrolledVerificationMethods e.g. ["SMS", "PASSKEY"]
 * user.isNew                       this track creates the user
 * request.ipAddress, userAgent, deviceId   as sent with this track
 * request.custom                   the action's custom data: track's {@code custom}
 * device.isKnown                   an earlier action of this user from request.deviceId ended
 *                                  ALLOW, CHALLENGE_SUCCEEDED or REVIEW_SUCCEEDED
 * counts.actionsLastHour           the user's actions (any code) in the hour before this one, counted
 *                                  in whole minutes (the current one and the 60 before it)
 * counts.actionCodeLastHour        the same, of this action code only
 * </pre>
 * Absent values are omitted, so {@code {"var": "request.deviceId"}} is null when none was sent. The values
 * drawn from the user's history ({@code device}, {@code counts}) are computed only when a rule of the action
 * may read them ({@link History#read}), so a track whose rules do not read them never looks at the history;
 * the stored input then has no {@code device} or {@code counts}.
 */
final class RuleInputs {
    private RuleInputs() {
    }

    /**
     * The facts about the user's history that the input needs, read before the action is recorded; null
     * for a fact no rule of the action reads.
     */
    record History(boolean userExists, Long actionsLastHour, Long actionCodeLastHour, Boolean deviceKnown) {

        /** Reads the facts the action's rules may read, each with one bounded query. */
        static History read(RuleSet rules, ActionStore store, String tenantId, String userId, String actionCode,
                            String deviceId, boolean userExists, long now) {
            Long any = rules.mayRead("counts.actionsLastHour") ? store.countLastHour(tenantId, userId, null, now) : null;
            Long ofCode = rules.mayRead("counts.actionCodeLastHour")
                    ? store.countLastHour(tenantId, userId, actionCode, now) : null;
            Boolean known = rules.mayRead("device.isKnown")
                    ? deviceId != null && store.deviceSeen(tenantId, userId, deviceId) : null;
            return new History(userExists, any, ofCode, known);
        }
    }

    static ObjectNode build(String actionCode, String userId, User stored, UserChanges changes, Enrollment enrollment,
                            TrackRequest request, ObjectNode actionCustom, History history) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("actionCode", actionCode);

        ObjectNode user = input.putObject("user");
        user.put("userId", userId);
        putIfPresent(user, "email", pick(changes.email(), stored == null ? null : stored.email()));
        putIfPresent(user, "phoneNumber", pick(changes.phoneNumber(), stored == null ? null : stored.phoneNumber()));
        putIfPresent(user, "username", pick(changes.username(), stored == null ? null : stored.username()));
        putIfPresent(user, "displayName", pick(changes.displayName(), stored == null ? null : stored.displayName()));
        ObjectNode custom = stored == null ? null : stored.custom();
        user.set("custom", custom == null ? Json.MAPPER.createObjectNode() : custom.deepCopy());
        user.put("isEnrolled", enrollment.isEnrolled());
        user.set("enrolledVerificationMethods", Json.MAPPER.valueToTree(enrollment.enrolled()));
        user.put("isNew", !history.userExists());

        ObjectNode req = input.putObject("request");
        putIfPresent(req, "ipAddress", request.ipAddress());
        putIfPresent(req, "userAgent", request.userAgent());
        putIfPresent(req, "deviceId", request.deviceId());
        req.set("custom", actionCustom == null ? Json.MAPPER.createObjectNode() : actionCustom.deepCopy());

        if (history.deviceKnown() != null) {
            input.putObject("device").put("isKnown", history.deviceKnown());
        }
        if (history.actionsLastHour() != null || history.actionCodeLastHour() != null) {
            ObjectNode counts = input.putObject("counts");
            if (history.actionsLastHour() != null) {
                counts.put("actionsLastHour", history.actionsLastHour());
            }
            if (history.actionCodeLastHour() != null) {
                counts.put("actionCodeLastHour", history.actionCodeLastHour());
            }
        }
        return input;
    }

    /** The action's custom data as its rules saw it (request.custom), or null when it had none. */
    static ObjectNode actionCustom(ObjectNode input) {
        return input.path("request").path("custom") instanceof ObjectNode custom && !custom.isEmpty() ? custom : null;
    }

    /** A change wins over the stored value; an empty string is a cleared value. */
    private static String pick(String change, String stored) {
        if (change != null) {
            return change.isEmpty() ? null : change;
        }
        return stored;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
