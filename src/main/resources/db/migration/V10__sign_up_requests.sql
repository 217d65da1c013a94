-- Sign-ups waiting for their address to be confirmed. The account is made only when the link mailed to the address is
-- opened and the password chosen on the form is given again, so the sign-up form answers the same whether or not the
-- address already has an account. Only the link token's hash and the password's bcrypt hash are kept.
CREATE TABLE sign_up_request (
    id            UUID                     NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64)              NOT NULL,
    email         VARCHAR(254)             NOT NULL,
    display_name  VARCHAR(80)              NOT NULL,
    password_hash VARCHAR(100)             NOT NULL,
    next_path     VARCHAR(2048),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_sign_up_request_token UNIQUE (token_hash)
);
CREATE INDEX ix_sign_up_request_email ON sign_up_request (email);
CREATE INDEX ix_sign_up_request_expires_at ON sign_up_request (expires_at);
