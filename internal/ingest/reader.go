package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Limits on what one source may cost.
const (
	DefaultMaxBytes     = 32 << 20 // per file or URL
	DefaultFetchTimeout = 30 * time.Second
	maxRedirects        = 5
	maxLineBytes        = 16 << 20 // one JSONL line
)

// ErrEmpty reports an input with nothing in it.
var ErrEmpty = errors.New("empty input")

// Item is one article read from a source, or one failure to read one.
type Item struct {
	// Where names the input for messages: a path, a URL, "path:LINE" for a
	// JSONL line, "URL#item-N" for a feed item.
	Where   string
	Article Article
	Err     error // non-nil: this input failed and Article is unset
}

// Reader reads sources. The zero value is not usable; use NewReader.
type Reader struct {
	fsys     fs.FS
	onInput  func(where string)
	client   *http.Client
	maxBytes int64
	stdin    io.Reader
	agent    string
}

// ReaderOptions configure a Reader.
type ReaderOptions struct {
	Client    *http.Client // for URLs; nil gets one with DefaultFetchTimeout
	MaxBytes  int64        // per file or URL; 0 means DefaultMaxBytes
	Stdin     io.Reader    // read for the source "-"
	UserAgent string

	// FS, if set, is where paths are looked up instead of the operating
	// system's file system (the demo reads its embedded corpus so).
	FS fs.FS
	// OnInput, if set, is called as each file or URL is opened: a hook for
	// progress reports.
	OnInput func(where string)
}

// NewReader returns a Reader.
func NewReader(o ReaderOptions) *Reader {
	r := &Reader{fsys: o.FS, onInput: o.OnInput, client: o.Client, maxBytes: o.MaxBytes, stdin: o.Stdin, agent: o.UserAgent}
	if r.fsys == nil {
		r.fsys = osFS{}
	}
	if r.onInput == nil {
		r.onInput = func(string) {}
	}
	if r.client == nil {
		r.client = NewHTTPClient(DefaultFetchTimeout)
	}
	if r.maxBytes <= 0 {
		r.maxBytes = DefaultMaxBytes
	}
	if r.stdin == nil {
		r.stdin = strings.NewReader("")
	}
	if r.agent == "" {
		r.agent = "parallax"
	}
	return r
}

// NewHTTPClient returns the client Parallax fetches pages and feeds with:
// bounded in total time, in connection and header time, and in redirects.
func NewHTTPClient(timeout time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ResponseHeaderTimeout = timeout / 2
	tr.TLSHandshakeTimeout = 10 * time.Second
	return &http.Client{
		Timeout:   timeout,
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

// Read reads one source: a file, a directory (walked recursively, hidden
// entries skipped, in lexical order), an http(s) URL of a page or feed, or
// "-" for JSONL on standard input. It calls yield for each article and each
// failure, in input order, and returns early only when ctx is done or yield
// returns an error, with that error.
func (r *Reader) Read(ctx context.Context, source string, yield func(Item) error) error {
	switch {
	case source == "-":
		return r.readJSONL(ctx, "stdin", r.stdin, yield)
	case strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://"):
		return r.readURL(ctx, source, yield)
	}
	info, err := fs.Stat(r.fsys, source)
	if err != nil {
		return yield(Item{Where: source, Err: cleanPathError(err)})
	}
	if !info.IsDir() {
		return r.readFile(ctx, source, yield)
	}
	return fs.WalkDir(r.fsys, source, func(path string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			return yield(Item{Where: path, Err: cleanPathError(err)})
		}
		if path != source && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		return r.readFile(ctx, path, yield)
	})
}

// cleanPathError drops the path from an fs error: messages name it already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Reader) readFile(ctx context.Context, path string, yield func(Item) error) error {
	r.onInput(path)
	f, err := r.fsys.Open(path)
	if err != nil {
		return yield(Item{Where: path, Err: cleanPathError(err)})
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".jsonl") || strings.EqualFold(filepath.Ext(path), ".ndjson") {
		// Streamed: a JSONL file may be larger than memory should hold.
		return r.readJSONL(ctx, path, f, yield)
	}
	var size int64
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	data, err := readLimited(f, r.maxBytes, size)
	if err != nil {
		return yield(Item{Where: path, Err: err})
	}
	return r.readData(ctx, path, path, data, "", "", yield)
}

// readLimited reads all of rd, failing if it holds more than max bytes.
// sizeHint, if known, sizes the buffer so that it is allocated once.
func readLimited(rd io.Reader, max, sizeHint int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(max, sizeHint)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(rd, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read: %w", cleanPathError(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("too large: over the limit of %d bytes", max)
	}
	return data, nil
}

// readData reads one input already in memory. where names it in messages,
// origin is the articles' origin, pageURL the URL it came from ("" for a
// file).
func (r *Reader) readData(ctx context.Context, where, origin string, data []byte, contentType, pageURL string, yield func(Item) error) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return yield(Item{Where: where, Err: ErrEmpty})
	}
	one := func(a Article, err error) error {
		if err != nil {
			return yield(Item{Where: where, Err: err})
		}
		if a.Origin == "" {
			a.Origin = origin
		}
		return yield(Item{Where: where, Article: a})
	}
	switch f := Detect(where, data, contentType); f {
	case FormatBinary:
		return yield(Item{Where: where, Err: errors.New("binary file, not an article")})
	case FormatJSONL:
		return r.readJSONL(ctx, where, bytes.NewReader(data), yield)
	case FormatJSON:
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
			arts, errs := ReadJSONArray(data)
			for _, err := range errs {
				if err := yield(Item{Where: where, Err: err}); err != nil {
					return err
				}
			}
			for i, a := range arts {
				if a.Origin == "" {
					a.Origin = fmt.Sprintf("%s#%d", origin, i+1)
				}
				if err := one(a, nil); err != nil {
					return err
				}
			}
			return nil
		}
		return one(ReadJSON(data))
	case FormatHTML:
		page, err := DecodeHTML(data, contentType)
		if err != nil {
			return one(Article{}, err)
		}
		a, err := ReadHTML(page, pageURL, contentType)
		return one(a, err)
	case FormatFeed:
		arts, err := ReadFeed(data, pageURL)
		for _, e := range splitErrors(err) {
			if err := yield(Item{Where: where, Err: e}); err != nil {
				return err
			}
		}
		for i, a := range arts {
			if a.Origin == "" {
				a.Origin = a.URL
			}
			if a.Origin == "" {
				a.Origin = fmt.Sprintf("%s#item-%d", origin, i+1)
			}
			if err := one(a, nil); err != nil {
				return err
			}
		}
		return nil
	default:
		return one(Article{Text: DecodeText(data), URL: pageURL}, nil)
	}
}

// readJSONL reads one article a line. Blank lines are skipped; a bad line
// is reported as where:LINE and reading goes on.
func (r *Reader) readJSONL(ctx context.Context, where string, rd io.Reader, yield func(Item) error) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 64<<10), maxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return err
		}
		b := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		if len(b) == 0 {
			continue
		}
		at := where + ":" + strconv.Itoa(line)
		a, err := ReadJSON(b)
		if err != nil {
			if err := yield(Item{Where: at, Err: err}); err != nil {
				return err
			}
			continue
		}
		if a.Origin == "" {
			a.Origin = at
		}
		if err := yield(Item{Where: at, Article: a}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", maxLineBytes)
		}
		return yield(Item{Where: where + ":" + strconv.Itoa(line+1), Err: err})
	}
	if line == 0 {
		return yield(Item{Where: where, Err: ErrEmpty})
	}
	return nil
}

func (r *Reader) readURL(ctx context.Context, raw string, yield func(Item) error) error {
	r.onInput(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return yield(Item{Where: raw, Err: errors.New("invalid URL")})
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return yield(Item{Where: raw, Err: fmt.Errorf("build request: %w", err)})
	}
	req.Header.Set("User-Agent", r.agent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json;q=0.9,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return yield(Item{Where: raw, Err: fmt.Errorf("fetch: %w", err)})
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return yield(Item{Where: raw, Err: fmt.Errorf("fetch: HTTP %s", resp.Status)})
	}
	if resp.ContentLength > r.maxBytes {
		return yield(Item{Where: raw, Err: fmt.Errorf("too large: %d bytes, over the limit of %d", resp.ContentLength, r.maxBytes)})
	}
	data, err := readLimited(resp.Body, r.maxBytes, max(resp.ContentLength, 0))
	if err != nil {
		return yield(Item{Where: raw, Err: err})
	}
	final := resp.Request.URL.String()
	ct := resp.Header.Get("Content-Type")
	return r.readData(ctx, raw, final, data, ct, final, yield)
}

// splitErrors returns the errors joined in err (see errors.Join), or err
// alone, or nothing for nil.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if multi, ok := err.(interface{ Unwrap() []error }); ok {
		return multi.Unwrap()
	}
	return []error{err}
}

// osFS is the operating system's file system as an fs.FS that takes paths
// as the user gives them (relative, absolute, with ".."), so origins stay
// the paths given on the command line.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
