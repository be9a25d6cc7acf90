// Package benchtext loads the real articles the benchmarks run on: the
// BBC corpus in ../shared/data, beside the project's root. Benchmarks
// skip when it is absent.
package benchtext

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// BBC returns the texts of the BBC articles that are valid UTF-8, with
// their total size in bytes and in words. It skips tb when the corpus is
// absent.
func BBC(tb testing.TB) (texts []string, size, words int64) {
	tb.Helper()
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "data", "bbc")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	if len(files) == 0 {
		tb.Skip("../shared/data/bbc not present")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(raw) {
			continue
		}
		texts = append(texts, string(raw))
		size += int64(len(raw))
		words += int64(news.Words(string(raw)))
	}
	return texts, size, words
}
