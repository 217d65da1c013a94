-- Usage ledger, quota period roll-overs and shared rate-limit buckets. Written once for H2 and PostgreSQL.

-- Day of the month on which a workspace's monthly meters start a new period (billing may move it later).
ALTER TABLE workspace ADD COLUMN period_anchor_day INTEGER DEFAULT 1 NOT NULL;
UPDATE workspace SET period_anchor_day = EXTRACT(DAY FROM created_at);

-- How much of a meter a workspace used in one period. Kept apart from content: deleting a project or a chat
-- never gives quota back. One row per (workspace, meter, period); consumption is one conditional UPDATE.
CREATE TABLE usage_counter (
    id           UUID         NOT NULL PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    meter        VARCHAR(32)  NOT NULL,
    period_start DATE         NOT NULL,
    used         BIGINT       NOT NULL,
    CONSTRAINT uq_usage_counter UNIQUE (workspace_id, meter, period_start)
);

-- The same, per member of the workspace (who used what).
CREATE TABLE member_usage_counter (
    id           UUID         NOT NULL PRIMARY KEY,
    workspace_id UUID         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    meter        VARCHAR(32)  NOT NULL,
    period_start DATE         NOT NULL,
    used         BIGINT       NOT NULL,
    CONSTRAINT uq_member_usage_counter UNIQUE (workspace_id, user_id, meter, period_start)
);

-- Each daily roll-over the scheduled job completed, once per day whatever the number of replicas.
CREATE TABLE quota_rollover (
    period_start DATE                     NOT NULL PRIMARY KEY,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Token buckets of the rate limits (Bucket4j's PostgreSQL store; unused on the embedded H2 database).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
