# InferScale developer targets. `make` (or `make help`) lists them.
# Build and tests go through the Maven wrapper (./mvnw), the local stack through bin/inferscale.

SHELL := /bin/bash
.DEFAULT_GOAL := help

MVN ?= ./mvnw -B
# Arguments for `make bench`, passed to the benchmark CLI as they are, e.g. make bench BENCH_ARGS="--help"
BENCH_ARGS ?=
# Arguments for `make bench-gateway`, e.g. BENCH_GATEWAY_ARGS="--duration 30 --profile"
BENCH_GATEWAY_ARGS ?=
# Arguments for `make forecast-eval`, e.g. FORECAST_EVAL_ARGS="--train F.csv --train-days 1-21 --test-days 22-28"
FORECAST_EVAL_ARGS ?=

##@ General

.PHONY: help
help: ## Show this help (every target with a one-line description)
	@awk 'BEGIN { FS = ":.*## "; printf "Usage:\n  make \033[36m<target>\033[0m\n" } \
		/^[a-zA-Z0-9_-]+:.*## / { printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2 } \
		/^##@ / { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Build and test

.PHONY: build
build: ## Build all modules and the runnable *-exec.jar files, tests skipped
	$(MVN) -DskipTests package

.PHONY: test
test: ## Run the whole test suite: unit + integration tests + format check (./mvnw -B verify)
	$(MVN) verify

.PHONY: test-unit
test-unit: ## Run the unit tests only (./mvnw -B test)
	$(MVN) test

.PHONY: fmt
fmt: ## Format the Java sources (spotless:apply, google-java-format AOSP)
	$(MVN) spotless:apply

.PHONY: clean
clean: ## Delete the build outputs (target/ folders); var/ runtime state is kept (see down --purge)
	$(MVN) -q clean

##@ Local stack (bin/inferscale)

.PHONY: up
up: ## Build what is missing, then start PostgreSQL, Kafka, the services and 4 emulated replicas
	bin/inferscale up

.PHONY: down
down: ## Stop everything `make up` started (Kafka included)
	bin/inferscale down

.PHONY: status
status: ## Show pid, port, readiness and memory of every local process
	bin/inferscale status

.PHONY: bench
bench: ## Run the benchmark CLI (fleet-sim) with BENCH_ARGS
	bin/inferscale bench $(BENCH_ARGS)

.PHONY: bench-gateway
bench-gateway: ## Gateway data-plane overhead vs direct and nginx (wrk + open loop) with BENCH_GATEWAY_ARGS
	bin/inferscale bench-gateway $(BENCH_GATEWAY_ARGS)

.PHONY: forecast-eval
forecast-eval: ## Backtest the forecasters (forecast-service exec jar) with FORECAST_EVAL_ARGS
	bin/inferscale forecast-eval $(FORECAST_EVAL_ARGS)
