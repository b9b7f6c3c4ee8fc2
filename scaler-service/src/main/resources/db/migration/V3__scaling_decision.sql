-- Every decision of the control loop (append-only audit): what the decider saw (inputs), what each term proposed
-- (terms), what it chose and why. Actions taken for a decision are in scaling_action under the same decision_id.
CREATE TABLE scaler.scaling_decision (
    decision_id       text        PRIMARY KEY,
    model             text        NOT NULL,
    decided_at        timestamptz NOT NULL,
    decided_by        text        NOT NULL,
    mode              text        NOT NULL,
    current_replicas  integer     NOT NULL,
    ready_replicas    integer     NOT NULL,
    desired_replicas  integer     NOT NULL,
    reason            text        NOT NULL,
    forecast_status   text        NOT NULL,
    telemetry_stale   boolean     NOT NULL,
    -- True when the loop asked the provider for desired_replicas (mode auto and a change).
    applied           boolean     NOT NULL,
    terms             jsonb       NOT NULL,
    inputs            jsonb       NOT NULL,
    explanation       text        NOT NULL
);
CREATE INDEX scaling_decision_model_time ON scaler.scaling_decision (model, decided_at DESC);
