package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"testing/fstest"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// Adding articles from the browser (the /ingest form) and from the API
// (POST /api/documents): pasted text, an uploaded file, or a URL. Each is
// read as `parallax ingest` reads it, analysed and linked into the corpus
// in its own transaction, so one bad input loses nothing else.

// maxArticlesPerRequest bounds what one URL (a feed) may add at once.
const maxArticlesPerRequest = 200

// submission is what one request asks to add.
type submission struct {
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	file      []byte
	fileName  string
}

// added is what a submission did.
type added struct {
	Documents []news.Document
	Failures  []string // one line each, naming the input
}

func (s *Server) handleIngestForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, "ingest", map[string]any{
		"Title": "Add articles", "CanWrite": s.canWrite(r), "Enabled": s.analyzer != nil,
	})
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.guard(r); err != nil {
		return err
	}
	if s.analyzer == nil {
		return errorf(http.StatusServiceUnavailable, "this server does not add articles")
	}
	if err := r.ParseMultipartForm(maxBodyBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errorf(http.StatusBadRequest, "unreadable form: %v", err)
	}
	sub := submission{
		Title:     r.FormValue("title"),
		Source:    r.FormValue("source"),
		Published: r.FormValue("published"),
		Text:      r.FormValue("text"),
		URL:       r.FormValue("url"),
	}
	if f, h, err := r.FormFile("file"); err == nil {
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return errorf(http.StatusBadRequest, "upload: %v", err)
		}
		if len(data) > 0 {
			sub.file, sub.fileName = data, h.Filename
		}
	}
	res, err := s.add(r.Context(), sub)
	if err != nil {
		return err
	}
	if len(res.Documents) == 1 && len(res.Failures) == 0 {
		http.Redirect(w, r, "/documents/"+res.Documents[0].ID, http.StatusSeeOther)
		return nil
	}
	status := http.StatusOK
	if len(res.Documents) == 0 {
		status = http.StatusUnprocessableEntity
	}
	return s.renderStatus(w, status, "ingest", map[string]any{
		"Title": "Add articles", "CanWrite": true, "Enabled": true,
		"Added": res.Documents, "Failures": res.Failures, "Form": sub,
	})
}

// handleAPIAdd adds articles given as JSON: an object with text (and
// title, source, published) or url.
func (s *Server) handleAPIAdd(w http.ResponseWriter, r *http.Request) error {
	if err := s.guard(r); err != nil {
		return err
	}
	if s.analyzer == nil {
		return errorf(http.StatusServiceUnavailable, "this server does not add articles")
	}
	var sub submission
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sub); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errorf(http.StatusBadRequest, "request body: %v", err)
	}
	res, err := s.add(r.Context(), sub)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if len(res.Documents) == 0 {
		status = http.StatusUnprocessableEntity
	}
	type doc struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		URL   string `json:"url"`
	}
	out := struct {
		Documents []doc    `json:"documents"`
		Failures  []string `json:"failures"`
	}{Documents: []doc{}, Failures: res.Failures}
	if out.Failures == nil {
		out.Failures = []string{}
	}
	for _, d := range res.Documents {
		out.Documents = append(out.Documents, doc{ID: d.ID, Title: d.Title, URL: "/api/documents/" + d.ID})
	}
	writeJSON(w, status, out)
	return nil
}

// add reads a submission's inputs and stores each article in its own
// transaction. Bad inputs become failures; only a failing store or a
// finished request is an error.
func (s *Server) add(ctx context.Context, sub submission) (added, error) {
	var res added
	var arts []ingest.Article
	var where []string
	yield := func(it ingest.Item) error {
		if it.Err != nil {
			res.Failures = append(res.Failures, it.Where+": "+it.Err.Error())
			return nil
		}
		if len(arts) == maxArticlesPerRequest {
			return fmt.Errorf("more than %d articles in one request", maxArticlesPerRequest)
		}
		arts = append(arts, it.Article)
		where = append(where, it.Where)
		return nil
	}
	text := strings.TrimSpace(sub.Text)
	if text == "" && sub.URL == "" && sub.file == nil {
		return res, errorf(http.StatusBadRequest, "nothing to add: paste a text, choose a file or give a URL")
	}
	if text != "" {
		arts = append(arts, ingest.Article{Origin: "pasted", Title: strings.TrimSpace(sub.Title), Text: text})
		where = append(where, "pasted text")
	}
	if sub.file != nil {
		name := uploadName(sub.fileName)
		rd := ingest.NewReader(ingest.ReaderOptions{FS: fstest.MapFS{name: {Data: sub.file}}})
		if err := rd.Read(ctx, name, yield); err != nil {
			res.Failures = append(res.Failures, name+": "+err.Error())
		}
	}
	if u := strings.TrimSpace(sub.URL); u != "" {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			res.Failures = append(res.Failures, u+": not an http(s) URL")
		} else {
			rd := ingest.NewReader(ingest.ReaderOptions{Client: s.client})
			if err := rd.Read(ctx, u, yield); err != nil {
				res.Failures = append(res.Failures, u+": "+err.Error())
			}
		}
	}
	published, err := news.ParsePublished(sub.Published)
	if err != nil {
		return res, errorf(http.StatusBadRequest, "published: %v", err)
	}
	if len(arts) == 0 {
		return res, nil
	}
	an, err := s.analyzer()
	if err != nil {
		return res, err
	}
	in := pipeline.New(s.store, pipeline.Options{
		Analyzer: an,
		Defaults: ingest.Defaults{Source: strings.TrimSpace(sub.Source), Published: published},
	})
	var bad *pipeline.ArticleError
	defer s.forgetCounts()
	for i, a := range arts {
		docs, _, err := in.Add(ctx, []ingest.Article{a})
		switch {
		case err == nil:
			res.Documents = append(res.Documents, docs...)
		case ctx.Err() != nil:
			return res, ctx.Err()
		case errors.As(err, &bad):
			res.Failures = append(res.Failures, where[i]+": "+bad.Err.Error())
		default:
			return res, err
		}
	}
	return res, nil
}

// uploadName is a safe file name for an upload, keeping its extension,
// which helps tell its format.
func uploadName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "/" {
		return "upload"
	}
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == '/' || r == 0x7f {
			return '_'
		}
		return r
	}, name)
	if name == "." || name == "" || !fs.ValidPath(name) {
		return "upload"
	}
	return name
}
