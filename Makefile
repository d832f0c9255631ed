# The stack's commands. `make run` and `make test` are the two the README starts with; both provision what they need
# (PostgreSQL, Redis, the authdemo database; Chromium and nginx for the tests) from Debian's packages when missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8080
export PORT
MVN ?= mvn -B -ntp

.PHONY: help run test provision package clean-build

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

provision: ## install and start PostgreSQL and Redis, create the authdemo database, apply sql/
	@bash scripts/provision.sh

package: ## build both WARs and fetch Payara Micro (no tests)
	$(MVN) -q package -DskipTests

run: provision package ## build and run the stack in the foreground: API at :$(PORT)/api/v1, web app at :$(PORT)/
	@bash scripts/serve.sh

test: ## unit, integration and browser tests against a real Payara Micro, PostgreSQL, Redis and Chromium
	@bash scripts/provision.sh browser nginx
	$(MVN) verify

clean-build: ## remove Maven's build output
	$(MVN) -q clean
