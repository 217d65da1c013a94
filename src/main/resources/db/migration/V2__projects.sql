-- Projects, their files and folders, file history and sharing. Written once for both H2 and PostgreSQL.

-- Bytes of project content a workspace holds (files and history), kept with a conditional UPDATE so that
-- concurrent saves can never take it past the plan's storage limit.
ALTER TABLE workspace ADD COLUMN storage_used_bytes BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE project (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         VARCHAR(80)              NOT NULL,
    description  VARCHAR(500)             NOT NULL,
    language     VARCHAR(16)              NOT NULL,
    created_by   UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_project_workspace ON project (workspace_id, deleted_at);
CREATE INDEX ix_project_deleted ON project (deleted_at);

-- A file or a folder. Folders have no content; a file's revision grows by one with every saved change and is
-- what a save must name ("the version I started from") to be accepted.
CREATE TABLE project_file (
    id          UUID                     NOT NULL PRIMARY KEY,
    project_id  UUID                     NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    path        VARCHAR(512)             NOT NULL,
    folder      BOOLEAN                  NOT NULL,
    content     VARCHAR(1048576),
    size_bytes  BIGINT                   NOT NULL,
    revision    INTEGER                  NOT NULL,
    updated_by  UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_project_file_path UNIQUE (project_id, path)
);

CREATE TABLE file_version (
    id          UUID                     NOT NULL PRIMARY KEY,
    file_id     UUID                     NOT NULL REFERENCES project_file (id) ON DELETE CASCADE,
    revision    INTEGER                  NOT NULL,
    content     VARCHAR(1048576)         NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    author_id   UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    autosave    BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_file_version_file ON file_version (file_id, created_at);

CREATE TABLE project_share (
    id         UUID                     NOT NULL PRIMARY KEY,
    project_id UUID                     NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    user_id    UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       VARCHAR(16)              NOT NULL,
    shared_by  UUID                     REFERENCES app_user (id) ON DELETE SET NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_project_share UNIQUE (project_id, user_id)
);
CREATE INDEX ix_project_share_user ON project_share (user_id);
