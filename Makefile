# kioskd — the two commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
BUILD_FLAGS ?=
BIN = .build/debug

.PHONY: run test deps build build-tests unit-tests ui-test bench crash-test clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

build-tests: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)

## make run: simulated devices + a local kiosk-central; Ctrl-C stops both.
run: build
	@scripts/run-local.sh

## make test: every suite.
test: build-tests
	@scripts/run-tests.sh

## make ui-test: the touchscreen in a real browser (issue 10; part of make test).
ui-test: build-tests
	@scripts/ui-tests.sh

bench: deps
	$(SWIFT) build -c release --product kiosk-bench
	$(SWIFT) build -c release --product kiosk-central
	@scripts/bench.sh

## make crash-test: >= 100 kill -9s of a real kioskd mid-issuance (issue 4).
crash-test: deps
	@scripts/crash-test.sh

clean:
	rm -rf .build var
