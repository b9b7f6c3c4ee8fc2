-- Training rounds, the model versions they fit, their backtest scores and what serves each model. A round fits
-- every forecaster on the history before its backtest window, scores them on that window (rolling origin), and
-- the promotion rule picks what serves; every fitted forecaster becomes a version, so that any of them can be
-- restored after a restart (baselines refit on their recorded training range, the DNN from its SavedModel).
CREATE TABLE forecast.training_runs (
    id                 bigserial   PRIMARY KEY,
    model              text        NOT NULL,
    trigger            text        NOT NULL,   -- STARTUP, SCHEDULE, OPERATOR
    requested_by       text,
    status             text        NOT NULL,   -- QUEUED, RUNNING, SUCCEEDED, FAILED
    queued_at          timestamptz NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    train_from         timestamptz,
    train_to           timestamptz,
    test_to            timestamptz,
    horizon_steps      integer,
    origins            integer,
    missing_targets    integer,
    decision           text,                   -- PROMOTED, KEPT_CURRENT, BEST_BASELINE, NOTHING_SCORED
    serving_version_id bigint,
    reason             text,
    error              text
);
CREATE INDEX training_runs_model ON forecast.training_runs (model, id DESC);

CREATE TABLE forecast.model_versions (
    id           bigserial   PRIMARY KEY,
    model        text        NOT NULL,
    version      integer     NOT NULL,
    forecaster   text        NOT NULL,
    run_id       bigint      NOT NULL REFERENCES forecast.training_runs (id),
    created_at   timestamptz NOT NULL,
    train_from   timestamptz NOT NULL,
    train_to     timestamptz NOT NULL,
    step_seconds integer     NOT NULL,
    artifact     text,                         -- the SavedModel directory of a DNN version
    UNIQUE (model, version)
);

-- One row per forecaster a round compared, the current serving version (role CURRENT) included. A fit or
-- backtest that failed has no version and says why in error. NaN where nothing could be scored.
CREATE TABLE forecast.backtest_scores (
    run_id        bigint           NOT NULL REFERENCES forecast.training_runs (id),
    role          text             NOT NULL,   -- CANDIDATE, BASELINE, CURRENT
    forecaster    text             NOT NULL,
    version_id    bigint           REFERENCES forecast.model_versions (id),
    scored        integer          NOT NULL,
    mase          double precision NOT NULL,
    smape         double precision NOT NULL,
    pinball_p90   double precision NOT NULL,
    p90_coverage  double precision NOT NULL,
    fit_seconds   double precision NOT NULL,
    error         text,
    PRIMARY KEY (run_id, role, forecaster)
);

CREATE TABLE forecast.serving (
    model      text        PRIMARY KEY,
    version_id bigint      NOT NULL REFERENCES forecast.model_versions (id),
    run_id     bigint      NOT NULL REFERENCES forecast.training_runs (id),
    since      timestamptz NOT NULL
);
