-- Inference API keys: only the SHA-256 of the secret is stored; the plaintext is shown once at creation.
CREATE TABLE gateway.api_key (
    id               text PRIMARY KEY,
    name             text        NOT NULL,
    secret_hash      text        NOT NULL,
    rate_per_second  double precision NOT NULL CHECK (rate_per_second > 0),
    burst            integer     NOT NULL CHECK (burst >= 1),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    revoked_at       timestamptz
);

-- Console / admin API users; passwords are bcrypt hashes.
CREATE TABLE gateway.app_user (
    username       text PRIMARY KEY,
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);
