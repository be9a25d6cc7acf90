# Parallax. `make test` runs every test (starting a throwaway PostgreSQL);
# `make bench` prints the benchmark table; `make demo` runs the demo.
GO ?= go

.PHONY: build test bench bench-serve demo fmt vet clean

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

# Every API route and page against a 100,000-document SQLite store, built
# once (over an hour) and cached in the temporary directory; p50, p95 and
# maximum milliseconds per route.
bench-serve:
	PARALLAX_BENCH_100K=1 $(GO) test -run '^$$' -bench 'Serve100k' -benchtime 100x -timeout 4h ./internal/server/ | tee bench-serve.out | grep -E '^(Benchmark|ok|FAIL)'

demo:
	$(GO) run ./cmd/parallax demo

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...

clean:
	rm -rf bin bench.out bench-serve.out
