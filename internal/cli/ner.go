package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/wordcluster"
)

func runTag(ctx context.Context, env Env, args []string) int {
	fs, _ := newFlags(env, "tag", "ner", "Tag CoNLL tokens from stdin: one token a line (the first field), blank lines between sentences, -DOCSTART- lines between documents; prints TOKEN<TAB>TAG lines, blank and -DOCSTART- lines unchanged")
	pos, code, stop := parse(fs, args)
	if stop {
		return code
	}
	if len(pos) != 1 || pos[0] != "ner" {
		fmt.Fprintln(env.Stderr, "parallax tag: want the kind of tagging: parallax tag ner")
		return ExitUsage
	}
	model, err := ner.Default()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax tag ner: %v\n", err)
		return ExitFailed
	}
	if err := tagCoNLL(ctx, model.NewTagger(), env.Stdin, env.Stdout); err != nil {
		fmt.Fprintf(env.Stderr, "parallax tag ner: %v\n", err)
		return ExitFailed
	}
	return ExitOK
}

// tagCoNLL reads CoNLL lines from r and writes them tagged to w, one
// document (the lines up to the next -DOCSTART-) at a time, so that the
// tagger sees a whole document and memory stays bounded by its size.
func tagCoNLL(ctx context.Context, t *ner.Tagger, r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush()
	var lines []string // the document's lines as read
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var sentences [][]string
		var cur []string
		for _, l := range lines {
			if f := strings.Fields(l); len(f) > 0 && f[0] != "-DOCSTART-" {
				cur = append(cur, f[0])
			} else if len(cur) > 0 {
				sentences = append(sentences, cur)
				cur = nil
			}
		}
		if len(cur) > 0 {
			sentences = append(sentences, cur)
		}
		tags := t.TagDocument(sentences)
		si, ti := 0, 0
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if ti > 0 {
					si, ti = si+1, 0
				}
				bw.WriteString(l)
				bw.WriteByte('\n')
				continue
			}
			bw.WriteString(f[0])
			bw.WriteByte('\t')
			bw.WriteString(tags[si][ti])
			bw.WriteByte('\n')
			ti++
		}
		lines = lines[:0]
		return nil
	}
	for sc.Scan() {
		l := sc.Text()
		if f := strings.Fields(l); len(f) > 0 && f[0] == "-DOCSTART-" && len(lines) > 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if err := flush(); err != nil {
		return err
	}
	return bw.Flush()
}

func runEval(ctx context.Context, env Env, args []string) int {
	fs, _ := newFlags(env, "eval", "KIND FILE...", "Score Parallax on annotated data. Kinds: ner (CoNLL files: conlleval precision, recall and F1 per type and overall); entities (MEANTIME directories: mention detection and cross-document B3); quotes (PolNeAR directories such as ../shared/data/polnear/dev: direct-quote and attribution precision, recall and F1, speaker accuracy); timex (TempEval-3 TimeML files or directories: strict and relaxed extraction F1, type and value accuracy, value F1); clusters (the ECB+ directory, topics 1-35, or Giveme5W1H: B3 of documents clustered by main event, and a TF-IDF baseline)")
	pos, code, stop := parse(fs, args)
	if stop {
		return code
	}
	if len(pos) < 2 {
		fmt.Fprintln(env.Stderr, "parallax eval: want KIND and at least one FILE, e.g. parallax eval ner ../shared/data/conll2003/dev.txt")
		return ExitUsage
	}
	switch pos[0] {
	case "ner":
		return evalNER(ctx, env, pos[1:])
	case "entities":
		return evalEntities(ctx, env, pos[1:])
	case "quotes":
		return evalQuotes(ctx, env, pos[1:])
	case "timex":
		return evalTimex(ctx, env, pos[1:])
	case "clusters":
		return evalClusters(ctx, env, pos[1:])
	}
	fmt.Fprintf(env.Stderr, "parallax eval: unknown kind %q (want ner, entities, quotes, timex or clusters)\n", pos[0])
	return ExitUsage
}

func evalNER(ctx context.Context, env Env, files []string) int {
	model, err := ner.Default()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval ner: %v\n", err)
		return ExitFailed
	}
	tagger := model.NewTagger()
	status := ExitOK
	for _, path := range files {
		if ctx.Err() != nil {
			return ExitInterrupted
		}
		gold, err := readCoNLL(path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", path, err)
			status = ExitFailed
			continue
		}
		start := time.Now()
		tagged := make([]ner.Document, len(gold))  // the tagger alone
		refined := make([]ner.Document, len(gold)) // with Analyze's document rules
		tokens := 0
		for i, d := range gold {
			sentences := make([][]string, len(d.Sentences))
			for j, s := range d.Sentences {
				sentences[j] = s.Tokens
				tokens += len(s.Tokens)
			}
			tags := tagger.TagDocument(sentences)
			better := analyze.RefineTags(sentences, tags)
			tagged[i].Sentences = make([]ner.Sentence, len(d.Sentences))
			refined[i].Sentences = make([]ner.Sentence, len(d.Sentences))
			for j, s := range d.Sentences {
				tagged[i].Sentences[j] = ner.Sentence{Tokens: s.Tokens, Tags: tags[j]}
				refined[i].Sentences[j] = ner.Sentence{Tokens: s.Tokens, Tags: better[j]}
			}
		}
		elapsed := time.Since(start)
		fmt.Fprintf(env.Stdout, "%s: %d documents, %d tokens, tagged in %s (%.0f tokens/s)\n\n",
			path, len(gold), tokens, elapsed.Round(time.Millisecond), float64(tokens)/elapsed.Seconds())
		fmt.Fprintf(env.Stdout, "What parallax finds (tagger and document rules, as in ingest):\n%s\n", ner.Evaluate(gold, refined))
		fmt.Fprintf(env.Stdout, "The tagger alone:\n%s", ner.Evaluate(gold, tagged))
	}
	return status
}

func readCoNLL(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

func runTrain(ctx context.Context, env Env, args []string) int {
	fs, _ := newFlags(env, "train", "ner|clusters [flags]", "Train a model from annotated or unlabeled data; rebuild the binary to embed it")
	trainPath := fs.String("train", "../shared/data/conll2003/train.txt", "training `FILE` (ner)")
	devPath := fs.String("dev", "../shared/data/conll2003/dev.txt", "development `FILE` for tuning (ner)")
	data := fs.String("data", "../shared/data", "shared data `DIR` with the unlabeled text (clusters)")
	out := fs.String("out", "", "write the model to `FILE` (default: the embedded model's file, when run from the project's root)")
	pos, code, stop := parse(fs, args)
	if stop {
		return code
	}
	if len(pos) != 1 || pos[0] != "ner" && pos[0] != "clusters" {
		fmt.Fprintln(env.Stderr, "parallax train: want ner or clusters")
		return ExitUsage
	}
	start := time.Now()
	var model io.WriterTo
	switch pos[0] {
	case "ner":
		train, err := readCoNLL(*trainPath)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax train ner: %s: %v\n", *trainPath, err)
			return ExitFailed
		}
		dev, err := readCoNLL(*devPath)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax train ner: %s: %v\n", *devPath, err)
			return ExitFailed
		}
		m, err := ner.Train(train, dev, ner.TrainOptions{Log: env.Stderr})
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax train ner: %v\n", err)
			return ExitFailed
		}
		model = m
		if *out == "" {
			*out = filepath.Join("internal", "ner", ner.DefaultModelPath)
		}
	case "clusters":
		c, err := wordcluster.TrainShared(*data, wordcluster.Options{Log: env.Stderr})
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax train clusters: %v\n", err)
			return ExitFailed
		}
		model = c
		if *out == "" {
			*out = filepath.Join("internal", "wordcluster", wordcluster.DefaultPath)
		}
	}
	if err := writeFileAtomic(*out, model); err != nil {
		fmt.Fprintf(env.Stderr, "parallax train %s: %v\n", pos[0], err)
		return ExitFailed
	}
	fmt.Fprintf(env.Stderr, "parallax train %s: wrote %s in %s; rebuild to embed it\n", pos[0], *out, time.Since(start).Round(time.Second))
	return ExitOK
}
