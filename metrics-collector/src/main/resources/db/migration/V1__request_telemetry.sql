-- Raw per-request telemetry from the gateways. event_id is the primary key so a redelivered Kafka record
-- (at-least-once) is ignored rather than counted twice.
CREATE TABLE collector.request_telemetry (
    event_id      uuid PRIMARY KEY,
    model         text        NOT NULL,
    replica_id    text,
    gateway_id    text        NOT NULL,
    path          text,
    status        smallint    NOT NULL,
    outcome       text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz NOT NULL,
    latency_ms    double precision NOT NULL,
    ttft_ms       double precision,
    prompt_tokens integer,
    output_tokens integer,
    queue_ms      double precision,
    streamed      boolean     NOT NULL,
    attempts      smallint    NOT NULL,
    policy        text
);

-- Range queries are always for one model over a time range.
CREATE INDEX request_telemetry_model_time ON collector.request_telemetry (model, finished_at);
