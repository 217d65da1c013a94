-- Code runs: who ran what, when, and how it ended, with the start of its output. Written once for H2 and PostgreSQL.

CREATE TABLE code_run (
    id               UUID                     NOT NULL PRIMARY KEY,
    workspace_id     UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    project_id       UUID                     REFERENCES project (id) ON DELETE CASCADE,
    user_id          UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    entry_file       VARCHAR(512)             NOT NULL,
    language         VARCHAR(16)              NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    exit_code        INTEGER,
    message          VARCHAR(500),
    duration_ms      BIGINT,
    output           VARCHAR(65536),
    output_truncated BOOLEAN                  NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_code_run_workspace_status ON code_run (workspace_id, status);
CREATE INDEX ix_code_run_project ON code_run (project_id, started_at);
