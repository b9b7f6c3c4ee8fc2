-- Every routing policy version that appeared on routing.policies (the topic is compacted, so this is the only
-- place older versions and their evaluation scores survive).
CREATE TABLE rl.policy_version (
    model       text        NOT NULL,
    version     bigint      NOT NULL,
    algorithm   text        NOT NULL,
    trained_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    evaluation  jsonb       NOT NULL,
    fallback    text        NOT NULL,
    producer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, version)
);
