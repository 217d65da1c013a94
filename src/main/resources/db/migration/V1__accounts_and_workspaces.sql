-- Accounts, sign-in sessions and workspaces. Written once for both H2 (embedded default) and PostgreSQL.

CREATE TABLE app_user (
    id                UUID                     NOT NULL PRIMARY KEY,
    email             VARCHAR(254)             NOT NULL,
    display_name      VARCHAR(80)              NOT NULL,
    password_hash     VARCHAR(100),
    email_verified_at TIMESTAMP WITH TIME ZONE,
    theme             VARCHAR(8)               NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_app_user_email UNIQUE (email)
);

CREATE TABLE user_identity (
    id           UUID                     NOT NULL PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    provider     VARCHAR(32)              NOT NULL,
    subject      VARCHAR(255)             NOT NULL,
    email        VARCHAR(254),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_user_identity_provider_subject UNIQUE (provider, subject)
);
CREATE INDEX ix_user_identity_user ON user_identity (user_id);

CREATE TABLE workspace (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(80)              NOT NULL,
    kind       VARCHAR(16)              NOT NULL,
    plan       VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE workspace_member (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role         VARCHAR(16)              NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_workspace_member UNIQUE (workspace_id, user_id)
);
CREATE INDEX ix_workspace_member_user ON workspace_member (user_id);

CREATE TABLE user_session (
    id             UUID                     NOT NULL PRIMARY KEY,
    token_hash     VARCHAR(64)              NOT NULL,
    user_id        UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    workspace_id   UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    sign_in_method VARCHAR(32)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent     VARCHAR(255),
    ip_address     VARCHAR(64),
    CONSTRAINT uq_user_session_token UNIQUE (token_hash)
);
CREATE INDEX ix_user_session_user ON user_session (user_id);
CREATE INDEX ix_user_session_expires ON user_session (expires_at);

CREATE TABLE email_token (
    id         UUID                     NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64)              NOT NULL,
    user_id    UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose    VARCHAR(16)              NOT NULL,
    email      VARCHAR(254)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_email_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_email_token_user ON email_token (user_id);
