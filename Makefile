# The stack's commands. `make run` and `make test` are the two the README starts with; both provision what they need
# (PostgreSQL, Redis, the authdemo database; Chromium and nginx for the tests) from Debian's packages when missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8080
export PORT
MVN ?= mvn -B -ntp

.PHONY: help run test unit test-api test-web provision package clean-build

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

provision: ## install and start PostgreSQL and Redis, create the authdemo database, apply sql/
	@bash scripts/provision.sh

package: ## build both WARs and fetch Payara Micro (no tests)
	$(MVN) -q package -DskipTests

run: provision package ## build and run the stack in the foreground: API at :PORT/api/v1, web app at :PORT/ (PORT=8080)
	@bash scripts/serve.sh

test: ## unit, integration and browser tests against a real Payara Micro, PostgreSQL, Redis and Chromium
	@bash scripts/provision.sh browser nginx node
	$(MVN) verify

unit: ## unit tests only, both modules: no server, no database, no browser (under a minute)
	$(MVN) test -Dmdep.skip=true

# A layer of the integration tests: GROUPS=faults runs only the tests tagged so, EXCLUDE=browser,slow all but those.
ITS_FILTER = $(if $(GROUPS),-Dgroups=$(GROUPS)) $(if $(EXCLUDE),-DexcludedGroups=$(EXCLUDE))

test-api: ## the API's unit and integration tests (Payara Micro, PostgreSQL, Redis); GROUPS=faults or EXCLUDE=slow pick a layer
	@bash scripts/provision.sh node
	$(MVN) verify -pl api-war $(ITS_FILTER)

test-web: ## the web app's unit, integration and browser tests, on both WARs; the API's own integration tests are skipped
	@bash scripts/provision.sh browser nginx
	$(MVN) verify -pl web-war -am -P without-api-its $(ITS_FILTER)

clean-build: ## remove Maven's build output
	$(MVN) -q clean

# Containers: podman-compose when present, else docker compose, else docker-compose. The same flags work with all
# three: compose reads containers/.env because it lies beside the compose file (podman-compose 1.0.3 has no
# --env-file), and the project is named on the command line (1.0.3 ignores the file's `name:`).
COMPOSE_FILE := containers/compose.yaml
ENV_FILE := containers/.env
PROJECT := auth-stack
COMPOSE = $(shell if command -v podman-compose >/dev/null 2>&1; then echo podman-compose; \
	elif docker compose version >/dev/null 2>&1; then echo "docker compose"; \
	elif command -v docker-compose >/dev/null 2>&1; then echo docker-compose; fi)
COMPOSE_RUN = $(COMPOSE) -p $(PROJECT) -f $(COMPOSE_FILE)

.PHONY: build start stop restart logs status database clean compose-check test-asadmin test-containers

compose-check:
	@if [ -z "$(COMPOSE)" ]; then echo "No container engine: install podman-compose (apt-get install podman-compose) or Docker with compose." >&2; exit 1; fi

# The secrets of the containers, random on first use, never committed. Run before every compose command: it also
# completes an older .env that lacks an entry added since (MASTER_KEY and ISSUER came with ES256 tokens).
.PHONY: container-env
container-env:
	@bash scripts/container-env.sh $(ENV_FILE)

# podman-compose 1.0.3 exits 0 even when an image fails to build, printing `exit code: N`: that line fails the target.
build: compose-check container-env ## build the api and web images (needs only a container engine)
	@set -o pipefail; $(COMPOSE_RUN) build 2>&1 | awk '{ print } /^exit code: [1-9]/ { failed = 1 } END { exit failed }' || \
	  { echo "make build: an image failed to build (see above)" >&2; exit 1; }

start: build ## start nginx, api, web, postgres and redis; the app answers on port HTTP_PORT (80)
	@if [ "$(COMPOSE)" = podman-compose ]; then bash scripts/container-networks.sh $(PROJECT) $(COMPOSE_FILE); fi
	$(COMPOSE_RUN) up -d

stop: compose-check container-env ## stop the containers, keeping their data
	$(COMPOSE_RUN) down

restart: stop start ## stop, then start

# An upgrade's new sql/ files reach a database that already has its volume only this way: the image initialises an empty
# volume once. Idempotent; it also creates the API's role on a volume made before there was one. podman-compose 1.0.3's
# exec passes the service's whole environment again and prints it, secrets included: the container has it already.
database: compose-check container-env ## apply sql/ and the API role's grants (again) in the running postgres container, as the owner
	@if [ "$(COMPOSE)" = podman-compose ]; then podman exec $(PROJECT)_postgres_1 bash /auth-stack/postgres/schema.sh; \
	else $(COMPOSE_RUN) exec -T postgres bash /auth-stack/postgres/schema.sh; fi

logs: compose-check container-env ## follow the containers' logs
	$(COMPOSE_RUN) logs -f

status: compose-check container-env ## the containers and their health
	$(COMPOSE_RUN) ps

# podman-compose 1.0.3 has no `down --rmi` and leaves the networks: podman removes those, and any container of the
# project that a larger API_REPLICAS/WEB_REPLICAS left behind.
clean: compose-check container-env ## remove containers, images and volumes (asks first; FORCE=1 does not)
	@if [ "$(FORCE)" != 1 ]; then read -r -p "Remove the containers, images and volumes, with all users and revocations? [y/N] " answer; \
	  [ "$$answer" = y ] || [ "$$answer" = Y ] || { echo "nothing removed"; exit 1; }; fi
	@if [ "$(COMPOSE)" = podman-compose ]; then \
	  $(COMPOSE_RUN) down --volumes && \
	  leftover=$$(podman ps -aq --filter label=io.podman.compose.project=$(PROJECT)) && \
	  { [ -z "$$leftover" ] || podman rm --force --time 0 $$leftover >/dev/null; } && \
	  for network in $$(podman network ls -q --filter name=^$(PROJECT)_); do podman network rm $$network >/dev/null || exit 1; done && \
	  for image in localhost/auth-stack-api:latest localhost/auth-stack-web:latest; do \
	    ! podman image exists $$image || podman rmi $$image >/dev/null || exit 1; done; \
	else $(COMPOSE_RUN) down --volumes --rmi local; fi

test-containers: ## the container path for real: stand-in base images, make build/start/restart/stop/clean, smoke and browser tests through nginx, failover
	@bash scripts/test-containers.sh

test-asadmin: ## deploy both WARs onto a fresh Payara Server domain with asadmin, as the README says, and smoke-test them
	@bash scripts/provision.sh
	$(MVN) -q package -DskipTests
	@bash scripts/test-asadmin.sh

.PHONY: test-fresh

test-fresh: ## the README's promise: make test passes and make run answers, in a fresh Debian container (about 10 min)
	@bash scripts/test-fresh.sh

.PHONY: load bench bench-scale

load: ## a mixed workload for LOAD_SECONDS (60) at 64 connections: no 5xx, no socket error, nothing lost
	@bash scripts/load.sh

bench: ## measure the JWT filter, logins against BCrypt, latency, 100,000 revocations, start-up; writes target/bench/
	@bash scripts/bench.sh

bench-scale: ## the admin lists and a login with 100,000 users and 1,000,000 audit events; writes target/bench/scale.md
	@bash scripts/bench-scale.sh
