package ner_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ner"
)

// TestTrainModel retrains the embedded model when NER_TRAIN is set:
//
//	NER_TRAIN=1 go test ./internal/ner -run TestTrainModel -v -timeout 30m
//
// NER_ABLATE may name feature groups to leave out (clusters, gazetteer,
// document, lexicon), comma-separated, or "none"; the model is then not
// written. NER_SEED and NER_EPOCHS set those options.
func TestTrainModel(t *testing.T) {
	if os.Getenv("NER_TRAIN") == "" {
		t.Skip("set NER_TRAIN=1 to retrain the embedded model")
	}
	dir := sharedData(t)
	ablate := os.Getenv("NER_ABLATE")
	var seed uint64
	var epochs int
	fmt.Sscan(os.Getenv("NER_SEED"), &seed)
	fmt.Sscan(os.Getenv("NER_EPOCHS"), &epochs)
	opts := ner.TrainOptions{
		Seed:        seed,
		Epochs:      epochs,
		NoLexicon:   strings.Contains(ablate, "lexicon"),
		Log:         testLog{t},
		NoClusters:  strings.Contains(ablate, "clusters"),
		NoGazetteer: strings.Contains(ablate, "gazetteer"),
		NoDocument:  strings.Contains(ablate, "document"),
	}
	start := time.Now()
	m, sc, err := ner.TrainFiles(dir+"/train.txt", dir+"/dev.txt", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v, %d features\n%s", time.Since(start).Round(time.Second), m.Features(), sc)
	if ablate != "" {
		return
	}
	f, err := os.Create(ner.DefaultModelPath)
	if err != nil {
		t.Fatal(err)
	}
	n, err := m.WriteTo(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d bytes", ner.DefaultModelPath, n)
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// sharedData returns the CoNLL-2003 directory, skipping the test when the
// shared data is absent.
func sharedData(tb testing.TB) string {
	dir := "../../../shared/data/conll2003"
	if _, err := os.Stat(dir + "/dev.txt"); err != nil {
		tb.Skipf("no CoNLL-2003 data at %s: %v", dir, err)
	}
	return dir
}

// BenchmarkTrain trains the full model on CoNLL-2003 train with dev for
// model selection (about 20 s on 2 cores).
func BenchmarkTrain(b *testing.B) {
	dir := sharedData(b)
	for b.Loop() {
		_, sc, err := ner.TrainFiles(dir+"/train.txt", dir+"/dev.txt", ner.TrainOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if sc.Overall.F1 < 0.9 {
			b.Fatalf("dev F1 %.4f", sc.Overall.F1)
		}
		b.ReportMetric(sc.Overall.F1, "devF1")
	}
}
