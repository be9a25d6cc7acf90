# Parallax. `make test` runs every test (starting a throwaway PostgreSQL);
# `make bench` prints the benchmark table; `make demo` runs the demo.
GO ?= go

.PHONY: build test bench demo fmt vet clean

build:
	$(GO) build -o bin/parallax ./cmd/parallax

test:
	scripts/test.sh

# Benchmarks on real inputs (../shared/data). benchstat-style output; the
# custom columns are articles/s, words/s and MB/s.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./... | tee bench.out | grep -E '^(Benchmark|pkg:|ok|FAIL)'

demo:
	$(GO) run ./cmd/parallax demo

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...

clean:
	rm -rf bin bench.out
