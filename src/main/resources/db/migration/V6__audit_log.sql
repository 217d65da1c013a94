-- Append-only audit records: who did what to what, when and from where. The code has no UPDATE or DELETE path.

CREATE TABLE audit_event (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     REFERENCES workspace (id) ON DELETE CASCADE,
    actor_id     UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    actor_email  VARCHAR(254),
    action       VARCHAR(64)              NOT NULL,
    target       VARCHAR(200),
    detail       VARCHAR(1000),
    ip_address   VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_audit_event_workspace ON audit_event (workspace_id, created_at);
