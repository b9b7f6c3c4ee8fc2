-- One scaling policy per served model, edited through the API.
CREATE TABLE scaler.scaling_policy (
    model                        text PRIMARY KEY,
    min_replicas                 integer NOT NULL CHECK (min_replicas >= 0),
    max_replicas                 integer NOT NULL CHECK (max_replicas >= 1 AND max_replicas >= min_replicas),
    target_concurrency           double precision NOT NULL CHECK (target_concurrency > 0),
    target_tokens_per_second     double precision,
    slo_ttft_ms                  integer,
    slo_latency_ms               integer,
    lead_time_seconds            bigint  NOT NULL,
    scale_up_stabilisation_s     bigint  NOT NULL,
    scale_down_stabilisation_s   bigint  NOT NULL,
    max_step                     integer NOT NULL CHECK (max_step >= 1),
    mode                         text    NOT NULL,
    provider                     text    NOT NULL,
    target                       text    NOT NULL,
    updated_at                   timestamptz NOT NULL
);

-- Append-only record of every policy change: who, when, and the policy as it became (null when deleted).
CREATE TABLE scaler.policy_change (
    id          bigserial PRIMARY KEY,
    model       text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    change      text        NOT NULL CHECK (change IN ('UPSERT', 'DELETE')),
    policy      jsonb
);
CREATE INDEX policy_change_model_time ON scaler.policy_change (model, changed_at DESC);
