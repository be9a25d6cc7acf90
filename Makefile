# Parallax. `make test` runs every test (starting a throwaway PostgreSQL);
# `make bench` prints the benchmark table; `make demo` runs the demo.
GO ?= go

.PHONY: build test bench demo fmt vet clean

build:
	$(GO) build -o bin/parallax ./cmd/parallax

test:
	scripts/test.sh

# Benchmarks on real inputs (../shared/data), on one core (GOMAXPROCS=1:
# the targets are per core). The custom columns are articles/s, words/s and
# MB/s; the full output is kept in bench.out for benchstat.
BENCHTIME ?= 3s
bench:
	GOMAXPROCS=1 $(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -benchmem -count 1 ./... | tee bench.out | grep -E '^(Benchmark|pkg:|ok|FAIL)'

demo:
	$(GO) run ./cmd/parallax demo

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...

clean:
	rm -rf bin bench.out
