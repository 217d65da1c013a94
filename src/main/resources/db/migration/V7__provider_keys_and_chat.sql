-- BYOK provider keys and chat. Written once for both H2 and PostgreSQL.

-- A provider key belongs to a person (usable wherever they work, if the workspace's plan allows the provider) or to
-- a workspace (usable by its members, managed by owners and admins): exactly one of user_id and workspace_id is set.
-- The key itself is only stored encrypted: AES-256-GCM, base64 of nonce + ciphertext + tag, with the version of
-- the key-encryption key that sealed it, so keys can be rotated.
CREATE TABLE provider_key (
    id            UUID                     NOT NULL PRIMARY KEY,
    user_id       UUID                     REFERENCES app_user (id) ON DELETE CASCADE,
    workspace_id  UUID                     REFERENCES workspace (id) ON DELETE CASCADE,
    provider      VARCHAR(32)              NOT NULL,
    base_url      VARCHAR(500),
    default_model VARCHAR(200)             NOT NULL,
    sealed_key    VARCHAR(2000)            NOT NULL,
    kek_version   INTEGER                  NOT NULL,
    masked_key    VARCHAR(40)              NOT NULL,
    created_by    UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_provider_key_owner CHECK ((user_id IS NULL) <> (workspace_id IS NULL)),
    CONSTRAINT uq_provider_key_user UNIQUE (user_id, provider),
    CONSTRAINT uq_provider_key_workspace UNIQUE (workspace_id, provider)
);
CREATE INDEX ix_provider_key_version ON provider_key (kek_version);

-- The providers a workspace tries, in order, when the chosen one fails before its first token.
ALTER TABLE workspace ADD COLUMN llm_fallback_order VARCHAR(200) NOT NULL DEFAULT '';

-- A conversation belongs to the person who started it, in a workspace, about a project or about nothing (/chat).
CREATE TABLE conversation (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    project_id   UUID                     REFERENCES project (id) ON DELETE CASCADE,
    title        VARCHAR(120)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_conversation_owner ON conversation (user_id, project_id, updated_at);

-- A message: the person's (USER) or a model's reply (ASSISTANT). A reply is written while it streams, in batches;
-- its status says whether it is still streaming, complete, cancelled or failed.
CREATE TABLE chat_message (
    id               UUID                     NOT NULL PRIMARY KEY,
    conversation_id  UUID                     NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    seq              INTEGER                  NOT NULL,
    role             VARCHAR(16)              NOT NULL,
    content          VARCHAR(1048576)         NOT NULL,
    context_label    VARCHAR(300),
    context_text     VARCHAR(262144),
    status           VARCHAR(16)              NOT NULL,
    provider         VARCHAR(32),
    model            VARCHAR(200),
    key_owner        VARCHAR(16),
    key_id           UUID,
    tokens_in        BIGINT,
    tokens_out       BIGINT,
    tokens_estimated BOOLEAN                  NOT NULL DEFAULT FALSE,
    cost_usd         DECIMAL(14, 6),
    first_token_ms   BIGINT,
    duration_ms      BIGINT,
    error            VARCHAR(500),
    notice           VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_chat_message_seq UNIQUE (conversation_id, seq)
);
CREATE INDEX ix_chat_message_streaming ON chat_message (status, updated_at);
