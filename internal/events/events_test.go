package events_test

import (
	"github.com/parallax-news/parallax/internal/benchtext"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/events"
	"github.com/parallax-news/parallax/internal/ner"
	"github.com/parallax-news/parallax/internal/news"
)

func newAnalyzer(tb testing.TB) *analyze.Analyzer {
	tb.Helper()
	model, err := ner.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return analyze.New(model)
}

// roleOf returns the role of the participant named name in f, "" if none.
func roleOf(txt string, a news.Analysis, f events.Frame, name string) string {
	for _, p := range f.Participants {
		for _, m := range a.Mentions {
			if m.Entity == p.Entity && m.Kind == news.KindName && txt[m.Start:m.End] == name {
				return p.Role
			}
		}
	}
	return ""
}

func TestExtract(t *testing.T) {
	an := newAnalyzer(t)
	type want struct {
		trigger, typ string
		roles        map[string]string // participant name → role
		place        string
		main, bg     bool
	}
	for _, tt := range []struct {
		text  string
		wants []want
	}{
		{"Syrian President Bashar al-Assad visited Iran on Sunday and met Supreme Leader Ali Khamenei in Tehran.",
			[]want{
				{"visited", events.TypeVisit, map[string]string{"Bashar al-Assad": events.RoleVisitor}, "Iran", true, false},
				{"met", events.TypeMeeting, map[string]string{"Ali Khamenei": events.RoleHost}, "Tehran", false, false},
			}},
		{"Emmanuel Macron arrived in Berlin on Monday for talks with Olaf Scholz.",
			[]want{{"arrived", events.TypeVisit, map[string]string{"Emmanuel Macron": events.RoleVisitor}, "Berlin", true, false}}},
		{"Police arrested John Smith in Chicago on Friday. Smith, who was arrested in 2015 for theft, denied the charges.",
			[]want{
				{"arrested", events.TypeArrest, map[string]string{"John Smith": events.RolePatient}, "Chicago", true, false},
			}},
		{"Assad met Ali Khamenei in Tehran on Sunday. Qassem Soleimani, who had accompanied Assad in 2019, was killed in a drone strike in Baghdad.",
			[]want{
				{"met", events.TypeMeeting, map[string]string{"Ali Khamenei": events.RoleHost}, "Tehran", true, false},
				{"killed", events.TypeDeath, map[string]string{"Qassem Soleimani": events.RolePatient}, "Baghdad", false, false},
			}},
		{"Maria Lopez was appointed finance minister on Tuesday. She had previously visited Madrid as a student.",
			[]want{
				{"appointed", events.TypeAppointment, map[string]string{"Maria Lopez": events.RolePatient}, "", true, false},
				{"visited", events.TypeVisit, nil, "", false, true},
			}},
		{"A powerful earthquake struck central Italy early on Wednesday, killing at least 120 people.",
			[]want{{"earthquake", events.TypeDisaster, nil, "Italy", true, false}}},
	} {
		a := an.Analyze(tt.text)
		frames := events.Extract(tt.text, a)
		for _, w := range tt.wants {
			var f *events.Frame
			for i := range frames {
				if tt.text[frames[i].Trigger.Start:frames[i].Trigger.End] == w.trigger {
					f = &frames[i]
					break
				}
			}
			if f == nil {
				t.Errorf("%q: no frame for %q in %+v", tt.text, w.trigger, frames)
				continue
			}
			if f.Type != w.typ {
				t.Errorf("%q: %q type %s, want %s", tt.text, w.trigger, f.Type, w.typ)
			}
			for name, role := range w.roles {
				if got := roleOf(tt.text, a, *f, name); got != role {
					t.Errorf("%q: %q: %s is %q, want %q", tt.text, w.trigger, name, got, role)
				}
			}
			place := ""
			if f.Place >= 0 {
				place = tt.text[f.PlaceSpan.Start:f.PlaceSpan.End]
			}
			if w.place != "" && place != w.place {
				t.Errorf("%q: %q place %q, want %q", tt.text, w.trigger, place, w.place)
			}
			if f.Main != w.main || f.Background != w.bg {
				t.Errorf("%q: %q main %v background %v, want %v %v", tt.text, w.trigger, f.Main, f.Background, w.main, w.bg)
			}
		}
	}
}

// TestBackgroundByTime checks that an event dated in another year than
// the main one is background, using the times of the analysis.
func TestBackgroundByTime(t *testing.T) {
	an := newAnalyzer(t)
	txt := "Assad visited Tehran on 8 May 2022. He visited Tehran in February 2019 as well."
	a := an.Analyze(txt)
	at := func(s, expr string) news.Time {
		i := indexOf(txt, s)
		return news.Time{Start: i, End: i + len(s), Type: news.TimeDate, Expr: expr}
	}
	a.Times = []news.Time{at("8 May 2022", "2022-05-08"), at("February 2019", "2019-02")}
	frames := events.Extract(txt, a)
	if len(frames) < 2 {
		t.Fatalf("frames %+v", frames)
	}
	if !frames[0].Main || frames[0].Time != 0 {
		t.Errorf("first visit: main %v time %d, want main, time 0", frames[0].Main, frames[0].Time)
	}
	if !frames[1].Background || frames[1].Main {
		t.Errorf("second visit: main %v background %v, want background", frames[1].Main, frames[1].Background)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestExtractSpansInBounds(t *testing.T) {
	an := newAnalyzer(t)
	for _, p := range seedFiles(t) {
		b, _ := os.ReadFile(p)
		txt := string(b)
		a := an.Analyze(txt)
		mains := 0
		for _, f := range events.Extract(txt, a) {
			for _, s := range append([]news.Span{f.Trigger, f.PlaceSpan}, f.Evidence...) {
				if s.Start < 0 || s.End > len(txt) || s.Start > s.End || !utf8.ValidString(txt[s.Start:s.End]) {
					t.Errorf("%s: span %v out of bounds", p, s)
				}
			}
			if f.Main {
				mains++
			}
		}
		if mains == 0 {
			t.Errorf("%s: no main event", p)
		}
	}
}

func seedFiles(tb testing.TB) []string {
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		tb.Skip("../shared/corpus/seeds not present")
	}
	return files
}

// BenchmarkAnalyzeExtract measures the analysis with event frames on the
// BBC articles, in words a second on one core.
func BenchmarkAnalyzeExtract(b *testing.B) {
	texts, size, words := benchtext.BBC(b)
	an := newAnalyzer(b)
	b.SetBytes(size / int64(len(texts)))
	b.ReportAllocs()
	i, frames := 0, 0
	for b.Loop() {
		txt := texts[i%len(texts)]
		a := an.Analyze(txt)
		fs := events.Extract(txt, a)
		if len(a.Tokens) == 0 {
			b.Fatal("no tokens")
		}
		frames += len(fs)
		i++
	}
	if frames == 0 {
		b.Fatal("no frames")
	}
	b.ReportMetric(float64(words)/float64(len(texts))*float64(i)/b.Elapsed().Seconds(), "words/s")
}
