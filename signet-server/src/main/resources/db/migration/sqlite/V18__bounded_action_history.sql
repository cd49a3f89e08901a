-- Rule inputs from a user's history at a cost independent of that history (issue 19 #1).

-- counts.actionsLastHour / actionCodeLastHour: actions per user, code ('*' = any code) and minute, in 61
-- round-robin slots (slot = minute % 61), updated in the transaction that inserts the action. A count sums
-- the slots whose minute is in the window; see io.signet.action.ActionCounters. PostgreSQL splits each slot
-- into stripes so that concurrent tracks of one user do not wait for each other's row lock.
CREATE TABLE action_counts (
    tenant_id     TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    action_code   TEXT    NOT NULL,
    slot          INTEGER NOT NULL,
    stripe        INTEGER NOT NULL,
    bucket_start  INTEGER NOT NULL,
    actions       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, user_id, action_code, slot, stripe),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);

-- device.isKnown: the devices an allowed or successfully challenged or reviewed action came from.
CREATE TABLE known_devices (
    tenant_id       TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    device_id       TEXT    NOT NULL,
    first_known_at  INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, user_id, device_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE
);

-- The minutes of the last hour (and one more) from the actions already recorded.
INSERT INTO action_counts (tenant_id, user_id, action_code, slot, stripe, bucket_start, actions)
SELECT tenant_id, user_id, action_code, (created_at / 60000) % 61, 0, (created_at / 60000) * 60000, COUNT(*)
  FROM actions WHERE created_at >= (CAST(strftime('%s', 'now') AS INTEGER) * 1000 / 60000 - 61) * 60000
 GROUP BY tenant_id, user_id, action_code, created_at / 60000;
INSERT INTO action_counts (tenant_id, user_id, action_code, slot, stripe, bucket_start, actions)
SELECT tenant_id, user_id, '*', (created_at / 60000) % 61, 0, (created_at / 60000) * 60000, COUNT(*)
  FROM actions WHERE created_at >= (CAST(strftime('%s', 'now') AS INTEGER) * 1000 / 60000 - 61) * 60000
 GROUP BY tenant_id, user_id, created_at / 60000;

INSERT INTO known_devices (tenant_id, user_id, device_id, first_known_at)
SELECT tenant_id, user_id, device_id, MIN(state_updated_at) FROM actions
 WHERE device_id IS NOT NULL AND state IN ('ALLOW', 'CHALLENGE_SUCCEEDED', 'REVIEW_SUCCEEDED')
 GROUP BY tenant_id, user_id, device_id;

-- Only the old device lookup used it; every action insert paid for it.
DROP INDEX actions_by_device;
