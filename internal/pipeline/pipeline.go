package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reconcile"
	"github.com/parallax-news/parallax/internal/store"
)

// Batching: a batch is written when it holds BatchSize documents or has
// waited BatchDelay, whichever comes first, so a slow source (a URL) still
// lands promptly and a fast one is written in few transactions.
const (
	BatchSize  = 512
	BatchDelay = time.Second
)

// Counts say what a run did.
type Counts struct {
	Read       int // articles read from the sources
	Added      int // new documents stored
	Duplicates int // new documents found to be near-duplicates of another
	Unchanged  int // articles already stored, nothing new about them
	Updated    int // articles already stored, metadata filled in from this input
	Failed     int // inputs that could not be read or stored
}

// Failure is one input that could not be ingested.
type Failure struct {
	Where string // SOURCE or SOURCE:LINE
	Err   error
}

// Error formats the failure the way the command line reports it.
func (f Failure) Error() string { return f.Where + ": " + f.Err.Error() }

// Unwrap returns the underlying error.
func (f Failure) Unwrap() error { return f.Err }

// Input is one source to read, with the metadata to assume for its
// articles where they give none.
type Input struct {
	Source   string
	Defaults ingest.Defaults
}

// Options configure a run.
type Options struct {
	// Defaults apply to the articles given to Add.
	Defaults ingest.Defaults
	// OnFailure is called for each input that failed, as it happens.
	OnFailure func(Failure)
	// OnBatch is called after each batch is committed with the running
	// counts.
	OnBatch func(Counts)
	// Analyzer, if set, analyses every new document (names, sentences,
	// tokens); nil stores documents unanalysed (`ingest --no-analyze`).
	Analyzer *analyze.Analyzer
	// Workers is how many articles are prepared at once; 0 means one per
	// processor.
	Workers int
}

// Ingester stores articles into a store.
type Ingester struct {
	store store.Store
	opts  Options
	terms *reconcile.EventTerms // the weights of event linking, kept for the run
}

// New returns an Ingester writing to st.
func New(st store.Store, opts Options) *Ingester {
	if opts.OnFailure == nil {
		opts.OnFailure = func(Failure) {}
	}
	if opts.OnBatch == nil {
		opts.OnBatch = func(Counts) {}
	}
	return &Ingester{store: st, opts: opts, terms: reconcile.NewEventTerms()}
}

// prepared is an article ready to store.
type prepared struct {
	where    string
	doc      news.Document
	fp       reconcile.Fingerprint
	analysis *news.Analysis // nil without an analyzer
}

// Run reads every input with rd and stores what it finds. Failures of
// single inputs are counted and reported through OnFailure; they do not stop
// the run. Run returns an error only when the store fails or ctx is done;
// when ctx is cancelled, reading stops but the articles already read are
// still prepared and written, so no work is lost, and the error wraps
// ctx.Err().
//
// Articles are prepared (normalized, fingerprinted, analysed) by
// Options.Workers goroutines and written in the order they were read.
func (in *Ingester) Run(ctx context.Context, rd *ingest.Reader, inputs []Input) (Counts, error) {
	workers := in.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	jobs := make(chan *job, 4*workers)  // to the workers
	order := make(chan *job, 8*workers) // to the writer, in input order
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		for _, input := range inputs {
			def := input.Defaults
			err := rd.Read(readCtx, input.Source, func(it ingest.Item) error {
				if err := readCtx.Err(); err != nil {
					return err
				}
				j := &job{item: it, def: def, done: make(chan struct{})}
				select {
				case order <- j:
				case <-readCtx.Done():
					return readCtx.Err()
				}
				if it.Err != nil {
					close(j.done)
					return nil
				}
				select {
				case jobs <- j:
				case <-readCtx.Done():
					j.err = errSkipped
					close(j.done)
					return readCtx.Err()
				}
				return nil
			})
			if err != nil {
				readErr = err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.p, j.err = in.prepare(ctx, j.item.Article, j.def)
				j.p.where = j.item.Where
				close(j.done)
			}
		}()
	}

	var c Counts
	var batch []prepared
	last := time.Now()
	flush := func(ctx context.Context) error {
		if len(batch) == 0 {
			return nil
		}
		err := in.store.Update(ctx, func(tx store.Tx) error { return in.write(ctx, tx, batch, &c) })
		if err != nil {
			return fmt.Errorf("store batch: %w", err)
		}
		batch = batch[:0]
		last = time.Now()
		in.opts.OnBatch(c)
		return nil
	}
	var writeErr error
	for j := range order {
		<-j.done
		if writeErr != nil || j.err == errSkipped {
			continue // draining after a failure or an interrupt
		}
		err := j.item.Err
		if err == nil {
			c.Read++
			err = j.err
			if err == nil {
				batch = append(batch, j.p)
			}
		}
		if err != nil {
			c.Failed++
			in.opts.OnFailure(Failure{Where: j.item.Where, Err: err})
		}
		if len(batch) >= BatchSize || time.Since(last) >= BatchDelay {
			// Not cancelled with ctx: a batch once started is written
			// whole, and an interrupt stops the reading instead.
			if writeErr = flush(context.WithoutCancel(ctx)); writeErr != nil {
				stopReading()
			}
		}
	}
	wg.Wait()
	if writeErr != nil {
		return c, writeErr
	}
	// Whatever was read is written even after an interrupt: a short,
	// bounded transaction, and the next run has less to do.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := flush(fctx); err != nil {
		return c, errors.Join(readErr, err)
	}
	if readErr == nil {
		readErr = ctx.Err()
	}
	return c, readErr
}

// job is one item on its way from the reader through a worker to the
// writer; done is closed once p and err are set.
type job struct {
	item ingest.Item
	def  ingest.Defaults
	done chan struct{}
	p    prepared
	err  error
}

// errSkipped marks a job that was read but not prepared because the run was
// interrupted; it is neither stored nor reported.
var errSkipped = errors.New("skipped")

// prepare turns one article into a document, its fingerprint and, with an
// analyzer, its analysis: the per-document part of ingest. An article the
// store holds already is not analysed again: write only fills in its
// metadata (`parallax analyze` analyses stored documents).
func (in *Ingester) prepare(ctx context.Context, a ingest.Article, def ingest.Defaults) (prepared, error) {
	d, err := ingest.Prepare(a, def)
	if err != nil {
		return prepared{}, err
	}
	p := prepared{doc: d, fp: reconcile.NewFingerprint(d.Text)}
	if in.opts.Analyzer != nil && !in.stored(ctx, d.ID) {
		an := in.opts.Analyzer.Analyze(d.Text)
		p.analysis = &an
	}
	return p, nil
}

// stored reports whether the store holds document id; on a read error it
// says no, and the document is analysed, which is never wrong.
func (in *Ingester) stored(ctx context.Context, id string) bool {
	_, err := in.store.Document(context.WithoutCancel(ctx), id)
	return err == nil
}

// write stores one batch inside tx.
func (in *Ingester) write(ctx context.Context, tx store.Tx, batch []prepared, c *Counts) error {
	var added, dups, unchanged, updated int
	for i := range batch {
		p := &batch[i]
		stored, err := tx.Document(ctx, p.doc.ID)
		switch {
		case err == nil:
			published := stored.Published
			if ingest.Enrich(&stored, p.doc) {
				if err := tx.UpdateMetadata(ctx, &stored); err != nil {
					return fmt.Errorf("%s: update %s: %w", p.where, p.doc.ID, err)
				}
				if stored.Published != published {
					// Its roles, descriptors, quotes and events are dated anew.
					old := stored
					old.Published = published
					if err := reconcile.RelinkEvents(ctx, tx, old, stored, in.terms); err != nil {
						return fmt.Errorf("%s: %w", p.where, err)
					}
					if err := reconcile.ResolveRoles(ctx, tx, stored.ID); err != nil {
						return fmt.Errorf("%s: %w", p.where, err)
					}
					if err := reconcile.RealignQuotes(ctx, tx, stored); err != nil {
						return fmt.Errorf("%s: %w", p.where, err)
					}
				}
				updated++
			} else {
				unchanged++
			}
			continue
		case !errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("%s: look up %s: %w", p.where, p.doc.ID, err)
		}
		if err := tx.InsertDocument(ctx, &p.doc); err != nil {
			return fmt.Errorf("%s: insert %s: %w", p.where, p.doc.ID, err)
		}
		if err := reconcile.LinkDuplicates(ctx, tx, &p.doc, p.fp); err != nil {
			return fmt.Errorf("%s: %w", p.where, err)
		}
		if p.analysis != nil {
			if err := tx.PutAnalysis(ctx, p.doc.ID, *p.analysis); err != nil {
				return fmt.Errorf("%s: %w", p.where, err)
			}
			if err := reconcile.LinkEntities(ctx, tx, p.doc, *p.analysis); err != nil {
				return fmt.Errorf("%s: %w", p.where, err)
			}
			if err := reconcile.LinkEvents(ctx, tx, p.doc, *p.analysis, in.terms); err != nil {
				return fmt.Errorf("%s: %w", p.where, err)
			}
		}
		added++
		if p.doc.DuplicateOf != "" {
			dups++
		}
	}
	// Counted only once the batch is certain to be written by this call.
	c.Added += added
	c.Duplicates += dups
	c.Unchanged += unchanged
	c.Updated += updated
	return nil
}

// ArticleError is an article given to Add that could not be prepared (no
// text, a bad date): bad input, not a failing store.
type ArticleError struct {
	Index int // in the articles given, from 0
	Err   error
}

func (e *ArticleError) Error() string { return fmt.Sprintf("article %d: %v", e.Index+1, e.Err) }
func (e *ArticleError) Unwrap() error { return e.Err }

// Add stores articles given directly (the browser's paste and upload), as
// one batch, and returns the stored documents in the order given.
func (in *Ingester) Add(ctx context.Context, arts []ingest.Article) ([]news.Document, Counts, error) {
	var c Counts
	var batch []prepared
	for i, a := range arts {
		p, err := in.prepare(ctx, a, in.opts.Defaults)
		if err != nil {
			return nil, c, &ArticleError{Index: i, Err: err}
		}
		p.where = a.Origin
		batch = append(batch, p)
	}
	c.Read = len(batch)
	err := in.store.Update(ctx, func(tx store.Tx) error { return in.write(ctx, tx, batch, &c) })
	if err != nil {
		return nil, Counts{}, err
	}
	docs := make([]news.Document, len(batch))
	for i, p := range batch {
		docs[i] = p.doc
	}
	return docs, c, nil
}
