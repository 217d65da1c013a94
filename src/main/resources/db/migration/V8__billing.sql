-- Stripe billing: a workspace's customer and subscription, webhook events seen, metered usage reported.
-- Written once for H2 and PostgreSQL.

-- One row per workspace that has been to Stripe: its customer and the state of its subscription as Stripe last
-- told us. The plan in force stays on workspace.plan; this row says why.
CREATE TABLE billing_account (
    workspace_id         UUID                     NOT NULL PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    stripe_customer_id   VARCHAR(255)             NOT NULL,
    subscription_id      VARCHAR(255),
    subscription_status  VARCHAR(32),
    subscribed_plan      VARCHAR(16),
    seats                BIGINT,
    current_period_end   TIMESTAMP WITH TIME ZONE,
    cancel_at_period_end BOOLEAN                  DEFAULT FALSE NOT NULL,
    trial_used           BOOLEAN                  DEFAULT FALSE NOT NULL,
    trial_ends_at        TIMESTAMP WITH TIME ZONE,
    grace_ends_at        TIMESTAMP WITH TIME ZONE,
    access_until         TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_billing_account_customer UNIQUE (stripe_customer_id)
);
CREATE INDEX ix_billing_account_subscription ON billing_account (subscription_id);
CREATE INDEX ix_billing_account_access_until ON billing_account (access_until);

-- Every Stripe webhook event processed, by its id: a second delivery finds it here and changes nothing.
CREATE TABLE stripe_event (
    id           VARCHAR(255)             NOT NULL PRIMARY KEY,
    type         VARCHAR(100)             NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Overage units reported to Stripe Billing Meters. A row claims the units of one period up to units_through,
-- once (the unique key); it is sent with its identifier until Stripe has it (sent_at), so a unit is never sent
-- twice and never lost.
CREATE TABLE metered_usage_report (
    id            UUID                     NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    meter         VARCHAR(32)              NOT NULL,
    period_start  DATE                     NOT NULL,
    units_through BIGINT                   NOT NULL,
    units         BIGINT                   NOT NULL,
    identifier    VARCHAR(200)             NOT NULL,
    event_name    VARCHAR(100)             NOT NULL,
    customer_id   VARCHAR(255)             NOT NULL,
    event_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_metered_usage_report UNIQUE (workspace_id, meter, period_start, units_through),
    CONSTRAINT uq_metered_usage_report_identifier UNIQUE (identifier)
);
CREATE INDEX ix_metered_usage_report_unsent ON metered_usage_report (sent_at);
