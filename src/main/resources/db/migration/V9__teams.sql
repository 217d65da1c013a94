-- Teams: a team is a workspace of kind TEAM. Its settings, its members' activity and carve-outs, and invitations.

ALTER TABLE workspace ADD COLUMN description VARCHAR(500);
-- Whether members may pay for chats in team projects with their own (personal) provider keys.
ALTER TABLE workspace ADD COLUMN allow_personal_keys BOOLEAN DEFAULT TRUE NOT NULL;
-- A deleted team keeps its row (and so its audit log); it has no members left and cannot be opened.
ALTER TABLE workspace ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- A member's share of the team's daily LLM requests; NULL shares the pool.
ALTER TABLE workspace_member ADD COLUMN llm_daily_cap INTEGER;
ALTER TABLE workspace_member ADD COLUMN last_active_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE team_invite (
    id          UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                    NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    email       VARCHAR(254)             NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    -- SHA-256 of the single-use token sent by mail; the token itself is never stored.
    token_hash  VARCHAR(64)              NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    invited_by  UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    resolved_by UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT uq_team_invite_token UNIQUE (token_hash)
);
CREATE INDEX ix_team_invite_workspace ON team_invite (workspace_id, status);
