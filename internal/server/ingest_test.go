package server

import (
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// newTestServer serves an empty SQLite store; token "" allows writes.
func newTestServer(t *testing.T, token string) (*httptest.Server, store.Store) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := New(st, Options{Token: token, Analyzer: func() (*analyze.Analyzer, error) {
		m, err := ner.Default()
		if err != nil {
			return nil, err
		}
		return analyze.New(m), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, st
}

// noRedirect is a client that shows redirects rather than following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func post(t *testing.T, ts *httptest.Server, path string, form url.Values, header http.Header) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const pasted = "Foreign ministers of Norway and Chile met in Oslo on Tuesday and signed a fisheries agreement. \"We protect the same ocean,\" Minister Anna Berg said."

func TestIngestPaste(t *testing.T) {
	ts, st := newTestServer(t, "")
	same := http.Header{"Origin": {ts.URL}}
	resp := post(t, ts, "/ingest", url.Values{"title": {"Fisheries <script>alert(1)</script> deal"}, "text": {pasted}, "source": {"Test Wire"}, "published": {"2024-03-05"}}, same)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /ingest: %d %s", resp.StatusCode, body(t, resp))
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/documents/") {
		t.Fatalf("redirect to %q, want the new document", loc)
	}
	d, err := st.Document(context.Background(), strings.TrimPrefix(loc, "/documents/"))
	if err != nil || d.Source != "Test Wire" || d.Published != "2024-03-05" {
		t.Fatalf("stored %+v, %v", d, err)
	}
	if _, err := st.Analysis(context.Background(), d.ID); err != nil {
		t.Errorf("not analysed: %v", err)
	}
	page, err := http.Get(ts.URL + loc)
	if err != nil {
		t.Fatal(err)
	}
	html := body(t, page)
	if !strings.Contains(html, "Fisheries &lt;script&gt;alert(1)&lt;/script&gt; deal") || strings.Contains(html, "<script>alert") {
		t.Errorf("document page does not show the escaped title:\n%s", html)
	}

	// Nothing to add, and a text with no words: clear messages, nothing stored.
	if resp := post(t, ts, "/ingest", url.Values{"title": {"x"}}, same); resp.StatusCode != 400 || !strings.Contains(body(t, resp), "nothing to add") {
		t.Errorf("empty form: %d", resp.StatusCode)
	}
	resp = post(t, ts, "/ingest", url.Values{"text": {"Another text."}, "published": {"next tuesday"}}, same)
	if b := body(t, resp); resp.StatusCode != 400 || !strings.Contains(b, "published: ") {
		t.Errorf("bad date: %d, want 400 naming the field:\n%s", resp.StatusCode, b)
	}
	resp = post(t, ts, "/ingest", url.Values{"text": {"  \u200b  "}, "url": {"ftp://example.com/a"}}, same)
	if b := body(t, resp); resp.StatusCode != 422 || !strings.Contains(b, "ftp://example.com/a: not an http(s) URL") {
		t.Errorf("bad URL: %d, want 422 naming it:\n%s", resp.StatusCode, b)
	}
}

func TestIngestUploadAndAPI(t *testing.T) {
	ts, st := newTestServer(t, "")
	var buf strings.Builder
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "../../etc/articles.jsonl")
	io.WriteString(fw, `{"title":"One","source":"A","published":"2024-01-02","text":"The mayor of Lyon opened a bridge on Monday."}`+"\n"+
		`{"title":"Two","text":""}`+"\n"+
		`{"title":"Three","source":"B","published":"2024-01-03","text":"Flooding closed the new bridge in Lyon on Wednesday, officials said."}`+"\n")
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/ingest", strings.NewReader(buf.String()))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	html := body(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(html, ">One</a>") || !strings.Contains(html, ">Three</a>") || !strings.Contains(html, "articles.jsonl:2: ") {
		t.Errorf("upload: %d, want two added and line 2 failed:\n%s", resp.StatusCode, html)
	}
	if s, _ := st.Stats(context.Background()); s.Documents != 2 {
		t.Errorf("stored %d documents, want 2", s.Documents)
	}

	req, _ = http.NewRequest("POST", ts.URL+"/api/documents", strings.NewReader(`{"title":"Four","source":"C","published":"2024-01-04","text":"Lyon reopened the bridge on Thursday."}`))
	resp, err = noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Documents []struct{ ID, Title, URL string }
		Failures  []string
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); resp.StatusCode != 201 || err != nil || len(out.Documents) != 1 || out.Documents[0].Title != "Four" {
		t.Errorf("POST /api/documents: %d %v %+v", resp.StatusCode, err, out)
	}
	req, _ = http.NewRequest("POST", ts.URL+"/api/documents", strings.NewReader(`{"text": 3}`))
	if resp, _ := noRedirect.Do(req); resp.StatusCode != 400 {
		t.Errorf("POST /api/documents with a bad body: %d, want 400", resp.StatusCode)
	}
}

func TestWritesNeedToken(t *testing.T) {
	ts, st := newTestServer(t, "s3cret")
	same := http.Header{"Origin": {ts.URL}}
	form := url.Values{"text": {pasted}}

	// Without the token: read-only.
	if resp := post(t, ts, "/ingest", form, same); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /ingest without token: %d, want 401", resp.StatusCode)
	}
	page, _ := http.Get(ts.URL + "/ingest")
	if b := body(t, page); !strings.Contains(b, "read-only") || strings.Contains(b, `<form class="ingest"`) {
		t.Errorf("ingest page without token should say read-only and show no form:\n%s", b)
	}
	if resp := post(t, ts, "/api/documents", nil, http.Header{"Authorization": {"Bearer wrong"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /api/documents with a wrong token: %d, want 401", resp.StatusCode)
	}
	if resp := post(t, ts, "/login", url.Values{"token": {"wrong"}}, same); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("login with a wrong token: %d, want 401", resp.StatusCode)
	}
	if s, _ := st.Stats(context.Background()); s.Documents != 0 {
		t.Fatalf("stored %d documents without the token", s.Documents)
	}

	// The login form sets a cookie that allows writing; it does not hold the token.
	resp := post(t, ts, "/login", url.Values{"token": {"s3cret"}, "next": {"//evil.example/"}}, same)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("login: %d to %q, want 303 to /", resp.StatusCode, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || strings.Contains(cookie.Value, "s3cret") {
		t.Fatalf("session cookie %+v", cookie)
	}
	if resp := post(t, ts, "/ingest", form, http.Header{"Origin": {ts.URL}, "Cookie": {cookie.String()}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("POST /ingest after login: %d, want 303", resp.StatusCode)
	}
	// A bearer token works for API clients.
	req, _ := http.NewRequest("POST", ts.URL+"/api/documents", strings.NewReader(`{"text":"Lyon reopened the bridge on Thursday."}`))
	req.Header.Set("Authorization", "Bearer s3cret")
	if resp, err := noRedirect.Do(req); err != nil || resp.StatusCode != 201 {
		t.Errorf("POST /api/documents with the bearer token: %v %v", resp.StatusCode, err)
	}
	// A post from another site is refused even with the cookie.
	if resp := post(t, ts, "/ingest", form, http.Header{"Origin": {"https://evil.example"}, "Cookie": {cookie.String()}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", resp.StatusCode)
	}
	if resp := post(t, ts, "/ingest", form, http.Header{"Sec-Fetch-Site": {"cross-site"}, "Cookie": {cookie.String()}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST (Sec-Fetch-Site): %d, want 403", resp.StatusCode)
	}
	// Reading needs no token.
	if resp, _ := http.Get(ts.URL + "/api/documents"); resp.StatusCode != 200 {
		t.Errorf("GET /api/documents without token: %d", resp.StatusCode)
	}
}

func TestCrossSiteWriteRefusedOnLoopback(t *testing.T) {
	ts, st := newTestServer(t, "")
	if resp := post(t, ts, "/ingest", url.Values{"text": {pasted}}, http.Header{"Origin": {"http://attacker.example"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST without token: %d, want 403", resp.StatusCode)
	}
	if s, _ := st.Stats(context.Background()); s.Documents != 0 {
		t.Errorf("a cross-site post stored %d documents", s.Documents)
	}
}

func TestUploadName(t *testing.T) {
	for in, want := range map[string]string{
		"a.html": "a.html", `C:\x\b.txt`: "b.txt", "../../etc/passwd": "passwd", "": "upload", "..": "upload", "/": "upload",
	} {
		if got := uploadName(in); got != want {
			t.Errorf("uploadName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPanicShowsNoStack(t *testing.T) {
	ts, _ := newTestServer(t, "")
	srv := ts.Config.Handler.(*Server)
	srv.handler = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("secret internals") })
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b := body(t, resp)
	if resp.StatusCode != 500 || strings.Contains(b, "secret") || strings.Contains(b, "goroutine") {
		t.Errorf("panic: %d %q", resp.StatusCode, b)
	}
}
