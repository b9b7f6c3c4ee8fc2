-- Minute rollups of demand, cut from the collector's 60 s event-time windows when they close (window end + the
-- lateness allowance). A window re-emitted after a restart or a rebalance is identical, so writes are upserts.
--
-- Read pattern: one model (or replica) over a time range, up to the 30-day retention. Two resolutions:
--   *_rollup_1m: one row per minute, for steps of whole minutes (30 days = 43,200 rows per series);
--   *_rollup_1h: one row per hour, recomputed from the minute rows whenever one of its minutes is written, for
--                steps of whole hours (30 days = 720 rows per series, which keeps that query in milliseconds).
-- Each primary key INCLUDEs every column a series query reads, so a range is an index-only scan over adjacent
-- index entries instead of one heap page per row, scattered among the other models' rows written in the same
-- minute. Minute counts are integer and quantiles real (they are 1% estimates) to keep those entries narrow.

CREATE TABLE collector.model_rollup_1m (
    model          text        NOT NULL,
    minute         timestamptz NOT NULL,
    arrivals       integer     NOT NULL,
    completions    integer     NOT NULL,
    errors         integer     NOT NULL,
    prompt_tokens  bigint      NOT NULL,
    output_tokens  bigint      NOT NULL,
    latency_p50_ms real,
    latency_p90_ms real,
    latency_p99_ms real,
    ttft_p50_ms    real,
    ttft_p90_ms    real,
    ttft_p99_ms    real,
    ttft_samples   integer     NOT NULL,
    in_flight      real        NOT NULL,
    late_records   integer     NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT model_rollup_1m_pk PRIMARY KEY (model, minute)
        INCLUDE (arrivals, completions, errors, prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms,
                 latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight, late_records)
);

-- Late records are counted per model only; a replica's minute has no late_records column.
CREATE TABLE collector.replica_rollup_1m (
    model          text        NOT NULL,
    replica_id     text        NOT NULL,
    minute         timestamptz NOT NULL,
    arrivals       integer     NOT NULL,
    completions    integer     NOT NULL,
    errors         integer     NOT NULL,
    prompt_tokens  bigint      NOT NULL,
    output_tokens  bigint      NOT NULL,
    latency_p50_ms real,
    latency_p90_ms real,
    latency_p99_ms real,
    ttft_p50_ms    real,
    ttft_p90_ms    real,
    ttft_p99_ms    real,
    ttft_samples   integer     NOT NULL,
    in_flight      real        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT replica_rollup_1m_pk PRIMARY KEY (model, replica_id, minute)
        INCLUDE (arrivals, completions, errors, prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms,
                 latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight)
);

CREATE TABLE collector.model_rollup_1h (
    model          text        NOT NULL,
    hour           timestamptz NOT NULL,
    arrivals       bigint      NOT NULL,
    completions    bigint      NOT NULL,
    errors         bigint      NOT NULL,
    prompt_tokens  bigint      NOT NULL,
    output_tokens  bigint      NOT NULL,
    latency_p50_ms real,
    latency_p90_ms real,
    latency_p99_ms real,
    ttft_p50_ms    real,
    ttft_p90_ms    real,
    ttft_p99_ms    real,
    ttft_samples   bigint      NOT NULL,
    in_flight      real        NOT NULL,
    late_records   bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT model_rollup_1h_pk PRIMARY KEY (model, hour)
        INCLUDE (arrivals, completions, errors, prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms,
                 latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight, late_records)
);

CREATE TABLE collector.replica_rollup_1h (
    model          text        NOT NULL,
    replica_id     text        NOT NULL,
    hour           timestamptz NOT NULL,
    arrivals       bigint      NOT NULL,
    completions    bigint      NOT NULL,
    errors         bigint      NOT NULL,
    prompt_tokens  bigint      NOT NULL,
    output_tokens  bigint      NOT NULL,
    latency_p50_ms real,
    latency_p90_ms real,
    latency_p99_ms real,
    ttft_p50_ms    real,
    ttft_p90_ms    real,
    ttft_p99_ms    real,
    ttft_samples   bigint      NOT NULL,
    in_flight      real        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT replica_rollup_1h_pk PRIMARY KEY (model, replica_id, hour)
        INCLUDE (arrivals, completions, errors, prompt_tokens, output_tokens, latency_p50_ms, latency_p90_ms,
                 latency_p99_ms, ttft_p50_ms, ttft_p90_ms, ttft_p99_ms, ttft_samples, in_flight)
);

-- Retention deletes by time across all models.
CREATE INDEX model_rollup_1m_minute ON collector.model_rollup_1m (minute);
CREATE INDEX replica_rollup_1m_minute ON collector.replica_rollup_1m (minute);
CREATE INDEX model_rollup_1h_hour ON collector.model_rollup_1h (hour);
CREATE INDEX replica_rollup_1h_hour ON collector.replica_rollup_1h (hour);
