-- Demand windows from the collector: the training and backtest data for the forecasters. A window's content is
-- final when it is published, so a redelivered record simply rewrites the same row.
CREATE TABLE forecast.demand_history (
    model           text        NOT NULL,
    window_seconds  integer     NOT NULL,
    window_start    timestamptz NOT NULL,
    arrivals        bigint      NOT NULL,
    completions     bigint      NOT NULL,
    errors          bigint      NOT NULL,
    prompt_tokens   bigint      NOT NULL,
    output_tokens   bigint      NOT NULL,
    in_flight       double precision NOT NULL,
    late_records    bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, window_seconds, window_start)
);
