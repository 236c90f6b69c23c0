# Rosette — the two commands that matter are `make demo` and `make test` (see README.md).
SWIFT ?= swift
RELEASE_BIN = .build/release
PYENV = .build/pyenv
BENCH_MODELS = .build/bench-models

.PHONY: demo test bench validate build bootstrap clean serve browser-test crash fuzz

bootstrap:
	bash scripts/bootstrap

build: bootstrap
	$(SWIFT) build -c release --product rosette
	$(SWIFT) build -c release --product rosette-bench

demo: build
	bash scripts/demo

# The demo survey in the browser (after `make demo`): a demo login is printed on the console.
serve: build
	bash scripts/serve-demo

browser-test: bootstrap
	bash scripts/browser-test

test: bootstrap
	$(SWIFT) test
	bash scripts/browser-test

bench: build
	$(RELEASE_BIN)/rosette-bench ingest --files 5000 --files 50000 $(if $(wildcard ../shared/data/camtrapR-pictures),--source ../shared/data/camtrapR-pictures,)
	$(RELEASE_BIN)/rosette-bench secr
	$(RELEASE_BIN)/rosette-bench survival
	$(RELEASE_BIN)/rosette-bench simulate 200 200
	$(RELEASE_BIN)/rosette-bench triage 300
	$(MAKE) $(BENCH_MODELS)/yolov5s-640.onnx $(BENCH_MODELS)/yolov5s-1280.onnx
	$(RELEASE_BIN)/rosette-bench detect --photos 100 --model 640=$(BENCH_MODELS)/yolov5s-640.onnx --model 1280=$(BENCH_MODELS)/yolov5s-1280.onnx
	$(RELEASE_BIN)/rosette-bench reid
	$(RELEASE_BIN)/rosette-bench population --photos 1000000 --individuals 300
	$(RELEASE_BIN)/rosette-bench web --photos 10000 --individuals 300 --seconds 30 --connections 50

# A YOLOv5s-sized detector with MegaDetector's signature (random weights: for speed only), made with onnx from PyPI.
$(PYENV)/bin/python:
	python3 -m venv $(PYENV) && $(PYENV)/bin/pip install --quiet onnx numpy || { rm -rf $(PYENV); exit 1; }

$(BENCH_MODELS)/yolov5s-%.onnx: scripts/make-bench-detector.py | $(PYENV)/bin/python
	@mkdir -p $(BENCH_MODELS)
	$(PYENV)/bin/python scripts/make-bench-detector.py $@ $*

# Every writing stage killed at random points (issue #16 item 2); not part of `make test`.
crash: bootstrap
	$(SWIFT) build --product rosette
	bash scripts/crash-matrix $(or $(CRASH_POINTS),20)

# Every parser under libFuzzer + ASan, FUZZ_SECONDS each or FUZZ_RUNS executions (not part of `make test`): see README "Fuzzing".
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz

validate: build
	bash scripts/validate-secr 200

clean:
	rm -rf .build demo
