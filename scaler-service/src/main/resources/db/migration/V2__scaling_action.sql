-- One row per attempt to apply a scaling decision through a provider (append-only). Attempts set absolute
-- replica counts, so several rows for one decision are retries of the same request, never extra changes.
CREATE TABLE scaler.scaling_action (
    id                bigserial   PRIMARY KEY,
    decision_id       text        NOT NULL,
    model             text        NOT NULL,
    provider          text        NOT NULL,
    target            text        NOT NULL,
    desired_replicas  integer     NOT NULL CHECK (desired_replicas >= 0),
    attempt           integer     NOT NULL CHECK (attempt >= 1),
    outcome           text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'RETRYING', 'FAILED', 'SKIPPED')),
    -- Why it failed (FailureKind); CIRCUIT_OPEN marks an attempt rejected without a provider call.
    failure           text,
    error             text,
    started_at        timestamptz NOT NULL,
    duration_ms       bigint      NOT NULL CHECK (duration_ms >= 0),
    -- The wait before the next attempt, for RETRYING rows.
    backoff_ms        bigint      CHECK (backoff_ms >= 0),
    CHECK ((outcome = 'SUCCEEDED') = (failure IS NULL)),
    CHECK ((outcome = 'RETRYING') = (backoff_ms IS NOT NULL))
);
CREATE INDEX scaling_action_decision ON scaler.scaling_action (decision_id, attempt);
CREATE INDEX scaling_action_model_time ON scaler.scaling_action (model, started_at DESC);
