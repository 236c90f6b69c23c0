# Rosette — the two commands that matter are `make demo` and `make test` (see README.md).
SWIFT ?= swift
RELEASE_BIN = .build/release

.PHONY: demo test bench validate build bootstrap clean

bootstrap:
	bash scripts/bootstrap

build: bootstrap
	$(SWIFT) build -c release --product rosette
	$(SWIFT) build -c release --product rosette-bench

demo: build
	bash scripts/demo

test: bootstrap
	$(SWIFT) test

bench: build
	$(RELEASE_BIN)/rosette-bench ingest --files 5000 --files 50000 $(if $(wildcard ../shared/data/camtrapR-pictures),--source ../shared/data/camtrapR-pictures,)
	$(RELEASE_BIN)/rosette-bench secr
	$(RELEASE_BIN)/rosette-bench simulate 200 200
	$(RELEASE_BIN)/rosette-bench triage 300
	$(RELEASE_BIN)/rosette-bench reid

validate: build
	bash scripts/validate-secr 200

clean:
	rm -rf .build demo
