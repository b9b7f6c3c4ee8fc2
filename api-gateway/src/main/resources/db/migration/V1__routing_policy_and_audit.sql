-- Which routing policy each model uses; models without a row use inferscale.gateway.default-policy.
CREATE TABLE gateway.model_policy (
    model       text PRIMARY KEY,
    policy      text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

-- Append-only audit of every change made through the gateway's admin API.
CREATE TABLE gateway.audit_log (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL,
    actor    text        NOT NULL,
    action   text        NOT NULL,
    subject  text        NOT NULL,
    detail   text
);
CREATE INDEX audit_log_at ON gateway.audit_log (at DESC);
