-- Platform API keys (Authorization: Bearer qide_...). Only the SHA-256 of a key is stored, with its visible start.
-- Written once for both H2 and PostgreSQL.

CREATE TABLE api_key (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(80)              NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    scopes       VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_key_token UNIQUE (token_hash)
);
CREATE INDEX ix_api_key_workspace ON api_key (workspace_id, created_at);
CREATE INDEX ix_api_key_user ON api_key (user_id);
