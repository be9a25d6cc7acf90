package main_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Browser tests: `parallax demo` served, and Debian's Chromium driven by
// chromedp as a user would drive it. They skip when no Chromium is found,
// unless PARALLAX_REQUIRE_BROWSER is set (scripts/test.sh installs
// Chromium and sets it, so CI never skips them). Screenshots go to
// $PARALLAX_ARTIFACTS, by default test-artifacts/browser at the top of the
// repository.

// chromium finds the browser: $PARALLAX_CHROMIUM, else the usual names.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PARALLAX_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found, and PARALLAX_REQUIRE_BROWSER is set: install Debian's chromium (scripts/test.sh does)")
	}
	t.Skip("no Chromium found (apt-get install chromium, or set PARALLAX_CHROMIUM); skipping the browser tests")
	return ""
}

// browser is one headless Chromium tab with a deadline.
type browser struct {
	t       *testing.T
	ctx     context.Context
	base    string // the server, without a final slash
	shots   string // where screenshots go
	dialogs []string
}

func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	shots := os.Getenv("PARALLAX_ARTIFACTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "test-artifacts")
	}
	shots = filepath.Join(shots, "browser")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, base: base, shots: shots}
	// A script that runs (an alert, a confirm) would open a dialog: record
	// it and dismiss it, so that a test can fail on it.
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.dialogs = append(b.dialogs, e.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	if err := chromedp.Run(ctx); err != nil { // start the browser
		t.Fatalf("start Chromium (%s): %v", exe, err)
	}
	return b
}

// run runs actions, failing the test with what it was doing.
func (b *browser) run(what string, actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		b.screenshot("failed-" + what)
		b.t.Fatalf("%s: %v", what, err)
	}
}

// text is the visible text of the first element matching sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	var s string
	b.run("read "+sel, chromedp.WaitVisible(sel, chromedp.ByQuery), chromedp.Text(sel, &s, chromedp.ByQuery))
	return s
}

// path is the path (and query) the tab shows.
func (b *browser) path() string {
	b.t.Helper()
	var loc string
	b.run("location", chromedp.Location(&loc))
	return strings.TrimPrefix(loc, b.base)
}

// screenshot saves the whole page as NAME.png.
func (b *browser) screenshot(name string) {
	var png []byte
	if err := chromedp.Run(b.ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(b.shots, fmt.Sprintf("%s-%s.png", b.t.Name(), name))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

// click clicks the first element matching sel and waits for the next page.
func (b *browser) click(sel string) {
	b.t.Helper()
	before := b.path()
	b.run("click "+sel, chromedp.WaitVisible(sel, chromedp.ByQuery), chromedp.Click(sel, chromedp.ByQuery))
	b.waitLeave(before)
}

// clickX clicks the first element matching an XPath expression and waits
// for the next page.
func (b *browser) clickX(xpath string) {
	b.t.Helper()
	before := b.path()
	b.run("click "+xpath, chromedp.WaitVisible(xpath, chromedp.BySearch), chromedp.Click(xpath, chromedp.BySearch))
	b.waitLeave(before)
}

// waitLeave waits until the tab has left path and the new page is loaded.
func (b *browser) waitLeave(path string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for b.path() == path {
		if time.Now().After(deadline) {
			b.screenshot("stuck")
			b.t.Fatalf("still on %s after 20 s", path)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.run("load", chromedp.WaitReady("body", chromedp.ByQuery))
}

// noOverflow checks that the page needs no sideways scrolling.
func (b *browser) noOverflow(what string) {
	b.t.Helper()
	var over bool
	b.run("measure", chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth + 1`, &over))
	if over {
		b.screenshot("overflow-" + what)
		b.t.Errorf("%s: the page is wider than the window (%s)", what, b.path())
	}
}

// browseDemo serves `parallax demo` and opens a browser on it; browser
// tests are not short.
func browseDemo(t *testing.T) (string, *browser) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	base := startDemo(t)
	return base, newBrowser(t, base)
}

// startDemo serves `parallax demo` on a free loopback port.
func startDemo(t *testing.T, args ...string) string {
	t.Helper()
	return startServer(t, t.TempDir(), append([]string{"demo", "--addr", "127.0.0.1:0"}, args...)...)
}

func TestBrowserWalkthrough(t *testing.T) {
	base, b := browseDemo(t)

	// The overview: counts, the timeline, the stories.
	b.run("open overview", chromedp.Navigate(base+"/"))
	if s := b.text(".counts"); !strings.Contains(s, "15 documents") || !strings.Contains(s, "8 outlets") || !strings.Contains(s, "1 conflict ") {
		t.Errorf("overview counts: %q", s)
	}
	var marks, disputed int
	b.run("count timeline marks",
		chromedp.Evaluate(`document.querySelectorAll("svg.timeline a.mark").length`, &marks),
		chromedp.Evaluate(`document.querySelectorAll("svg.timeline a.mark.disputed").length`, &disputed))
	if marks < 4 || disputed != 1 {
		t.Errorf("timeline draws %d events, %d disputed; want at least 4, 1 disputed", marks, disputed)
	}
	if s := b.text("#st-h + p + .story"); !strings.Contains(s, "Kostava heads to Marosh") || !strings.Contains(s, "March 2022") {
		t.Errorf("the first story lacks the signing or the earlier visit:\n%s", s)
	}
	b.screenshot("overview")
	b.noOverflow("overview")

	// The signing, from the table of what happened: when, where, who,
	// coverage, statements side by side.
	b.clickX(`//table[contains(@class,"events")]//a[contains(., "water deal comes within reach")]`)
	if s := b.text("dl.meta"); !strings.Contains(s, "2025-10-15") || !strings.Contains(s, "Irena Kostava") || !strings.Contains(s, "all reports agree") {
		t.Errorf("event facts:\n%s", s)
	}
	var rows, cols int
	b.run("measure coverage",
		chromedp.Evaluate(`document.querySelectorAll("table.matrix tbody tr").length`, &rows),
		chromedp.Evaluate(`document.querySelectorAll("table.matrix thead th.st").length`, &cols))
	if rows < 8 || cols < 3 {
		t.Errorf("coverage matrix %d outlets × %d statements, want at least 8 × 3", rows, cols)
	}
	if s := b.text("#rel-h + ol"); !strings.Contains(s, "March 2022") {
		t.Errorf("the signing's story lacks the earlier visit its reports recall:\n%s", s)
	}
	var diffs int
	b.run("count differences", chromedp.Evaluate(`document.querySelectorAll(".statement-block ins, .statement-block del").length`, &diffs))
	if diffs == 0 {
		t.Errorf("no word-level differences between renderings on the event page")
	}
	b.screenshot("event")

	// A statement, then one of its renderings in its article.
	b.click(`.statement-block h3 a[href^="/statements/"]`)
	if !strings.HasPrefix(b.path(), "/statements/") {
		t.Fatalf("statement link went to %s", b.path())
	}
	var renderings int
	b.run("count renderings", chromedp.Evaluate(`document.querySelectorAll(".rendering").length`, &renderings))
	if renderings < 2 {
		t.Errorf("statement page shows %d renderings, want several outlets", renderings)
	}
	b.screenshot("statement")
	b.click(`.rendering a[href^="/documents/"]`)
	if !strings.HasPrefix(b.path(), "/documents/") {
		t.Fatalf("rendering link went to %s", b.path())
	}
	var quoted, times int
	b.run("count highlights",
		chromedp.Evaluate(`document.querySelectorAll(".text .qt").length`, &quoted),
		chromedp.Evaluate(`document.querySelectorAll(".text mark.tx").length`, &times))
	if quoted == 0 || times == 0 {
		t.Errorf("document page highlights %d quoted runs and %d times, want both", quoted, times)
	}
	b.screenshot("document")

	// An entity, from a marked name.
	b.click(`.text a.ent[href^="/entities/E"]`)
	if !strings.HasPrefix(b.path(), "/entities/E") {
		t.Fatalf("entity link went to %s", b.path())
	}
	if b.text("h1") == "" {
		t.Errorf("entity page has no name")
	}
	b.screenshot("entity")

	// The disputed date: each side with its evidence.
	b.run("open events", chromedp.Navigate(base+"/events"))
	b.click(`table.events tr:has(.flag) a[href^="/events/"]`)
	s := b.text("#conflicts")
	if !strings.Contains(s, "2022-03") || !strings.Contains(s, "2021-11") {
		t.Errorf("the disputed event does not show both dates:\n%s", s)
	}
	b.screenshot("conflict")

	// Search, from the box in the header, by keyboard: "/" goes there.
	before := b.path()
	b.run("search", chromedp.KeyEvent("/"), chromedp.KeyEvent("tractors\n"))
	b.waitLeave(before)
	if s := b.text("ol.hits"); !strings.Contains(s, "Tractors on Linden Square") {
		t.Errorf("search results lack the Essaria Herald's tractors article:\n%s", s)
	}
	b.screenshot("search")

	// Narrowed to one outlet, with the form's filter.
	before = b.path()
	b.run("filter by outlet", chromedp.SendKeys("#s-source", "Essaria Herald\n", chromedp.ByQuery))
	b.waitLeave(before)
	var outlets []string
	b.run("read outlets", chromedp.Evaluate(`[...document.querySelectorAll("ol.hits li .muted")].map(e => e.textContent.split(" · ")[0])`, &outlets))
	if len(outlets) == 0 {
		t.Errorf("no hits from the Essaria Herald")
	}
	for _, o := range outlets {
		if o != "Essaria Herald" {
			t.Errorf("a hit from %q when searching the Essaria Herald only", o)
		}
	}
	b.screenshot("search-filtered")

	if len(b.dialogs) > 0 {
		t.Errorf("pages ran scripts that opened dialogs: %q", b.dialogs)
	}
}

func TestBrowserIngestAndEscaping(t *testing.T) {
	base, b := browseDemo(t)

	title := `Water talks resume <img src=x onerror="alert('img')"><script>alert('script')</script>`
	text := "Negotiators from Valdoria and Essaria met again in Marosh on Monday to review the Seren water deal, officials said. " +
		`"The commission has begun its work," Foreign Minister Daniel Oren told reporters. <script>alert('body')</script>`
	b.run("open ingest", chromedp.Navigate(base+"/ingest"))
	b.run("fill the form",
		chromedp.WaitVisible("#f-text", chromedp.ByQuery),
		chromedp.SendKeys("#f-title", title, chromedp.ByQuery),
		chromedp.SetValue("#f-text", text, chromedp.ByQuery),
		chromedp.SendKeys("#f-source", "Browser Test Wire", chromedp.ByQuery),
		chromedp.SendKeys("#f-published", "2025-10-27", chromedp.ByQuery),
	)
	b.screenshot("ingest-form")
	b.click(`form.ingest button[type="submit"]`)
	if p := b.path(); !strings.HasPrefix(p, "/documents/") {
		t.Fatalf("after adding, the browser is at %s, want the new document", p)
	}
	if s := b.text("h1"); s != title {
		t.Errorf("the new document's title shows as %q, want it literally %q", s, title)
	}
	var imgs, scripts int
	b.run("count injected elements",
		chromedp.Evaluate(`document.querySelectorAll("main img").length`, &imgs),
		chromedp.Evaluate(`document.querySelectorAll("main script").length`, &scripts))
	if imgs != 0 || scripts != 0 {
		t.Errorf("article markup became elements: %d img, %d script", imgs, scripts)
	}
	if s := b.text("main"); !strings.Contains(s, "Daniel Oren") || !strings.Contains(s, "Browser Test Wire") {
		t.Errorf("the document page lacks its text or outlet:\n%s", s)
	}
	b.screenshot("ingested")

	// It is in the corpus now: the overview counts it and search finds it.
	b.run("open overview", chromedp.Navigate(base+"/"))
	if s := b.text(".counts"); !strings.Contains(s, "16 documents") {
		t.Errorf("overview after adding: %q", s)
	}
	b.run("search", chromedp.Navigate(base+"/search?q=commission+begun"))
	if s := b.text("ol.hits"); !strings.Contains(s, "Water talks resume") {
		t.Errorf("search does not find the added article:\n%s", s)
	}
	if len(b.dialogs) > 0 {
		t.Errorf("article text ran as script: dialogs %q", b.dialogs)
	}
}

func TestBrowserPhoneAndKeyboard(t *testing.T) {
	base, b := browseDemo(t)
	b.run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	for _, p := range []string{"/", "/events", "/events/V6", "/documents", "/entities", "/search?q=Seren", "/ingest"} {
		b.run("open "+p, chromedp.Navigate(base+p), chromedp.WaitReady("main", chromedp.ByQuery))
		b.noOverflow("phone " + p)
		if p == "/" || p == "/events" {
			var hidden int
			b.run("measure titles", chromedp.Evaluate(`[...document.querySelectorAll("table.events td:nth-child(2)")].filter(td => td.offsetWidth == 0).length`, &hidden))
			if hidden > 0 {
				t.Errorf("phone %s: %d event titles are hidden", p, hidden)
			}
		}
		b.screenshot("phone" + strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(p))
	}

	// Keyboard: the first Tab offers to skip to the content; Tab reaches
	// the events in order, Enter follows one.
	b.run("desktop", chromedp.EmulateViewport(1280, 900))
	b.run("open overview", chromedp.Navigate(base+"/"), chromedp.WaitReady("main", chromedp.ByQuery))
	var focused string
	b.run("tab", chromedp.KeyEvent("\t"), chromedp.Evaluate(`document.activeElement.textContent`, &focused))
	if focused != "Skip to content" {
		t.Errorf("the first Tab focuses %q, want the skip link", focused)
	}
	for i := 0; i < 60 && !strings.HasPrefix(focused, "/events/V"); i++ {
		b.run("tab", chromedp.KeyEvent("\t"),
			chromedp.Evaluate(`document.activeElement.getAttribute("href") || ""`, &focused))
	}
	if !strings.HasPrefix(focused, "/events/V") {
		t.Fatalf("Tab never reached an event")
	}
	b.run("enter", chromedp.KeyEvent("\r"))
	b.waitLeave("/")
	if p := b.path(); p != focused {
		t.Errorf("Enter on %s went to %s", focused, p)
	}
}
