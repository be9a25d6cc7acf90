package tempeval_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/tempeval"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<EXTRAINFO>junk &amp;UR; here</EXTRAINFO>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3> that profit <SIGNAL sid="s1">in</SIGNAL> <TIMEX3 tid="t2" type="DATE" value="1998-Q2">the second quarter</TIMEX3> rose for <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
</TimeML>
`

func TestRead(t *testing.T) {
	d, err := tempeval.Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "1998-08-07" {
		t.Errorf("DCT = %q", d.DCT)
	}
	if !strings.HasPrefix(d.Text, "\nAT&T said Thursday that") {
		t.Errorf("text = %q", d.Text)
	}
	want := []struct{ text, typ, value string }{
		{"Thursday", "DATE", "1998-08-06"},
		{"the second quarter", "DATE", "1998-Q2"},
		{"two years", "DURATION", "P2Y"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %d timexes, want %d", len(d.Timexes), len(want))
	}
	for i, w := range want {
		x := d.Timexes[i]
		if got := d.Text[x.Start:x.End]; got != w.text || x.Type != w.typ || x.Value != w.value {
			t.Errorf("timex %d = %q %s %s, want %q %s %s", i, got, x.Type, x.Value, w.text, w.typ, w.value)
		}
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := tempeval.Read(strings.NewReader("<TimeML><DOCID>x</DOCID></TimeML>")); !errors.Is(err, tempeval.ErrNoText) {
		t.Errorf("no TEXT: err = %v", err)
	}
	if _, err := tempeval.Read(strings.NewReader("<TimeML><TEXT>a <TIMEX3 tid=\"t1\">b</TEXT")); err == nil {
		t.Error("truncated file: no error")
	}
}

func TestScore(t *testing.T) {
	gold := []tempeval.Timex{
		{Start: 0, End: 8, Type: "DATE", Value: "1998-08-06"},
		{Start: 20, End: 38, Type: "DATE", Value: "1998-Q2"},
		{Start: 50, End: 59, Type: "DURATION", Value: "P2Y"},
		{Start: 70, End: 75, Type: "DATE", Value: "PRESENT_REF"},
	}
	found := []tempeval.Timex{
		{Start: 0, End: 8, Type: "DATE", Value: "1998-08-06"},   // strict, right value
		{Start: 24, End: 38, Type: "DATE", Value: "1998-Q3"},    // relaxed, wrong value
		{Start: 50, End: 59, Type: "DATE", Value: "P2Y"},        // strict, wrong type
		{Start: 90, End: 95, Type: "DATE", Value: "FUTURE_REF"}, // spurious
	}
	c := tempeval.Score(gold, found)
	want := tempeval.Counts{Gold: 4, Found: 4, Strict: 2, Relaxed: 3, TypeRight: 2, ValueRight: 2}
	if c != want {
		t.Fatalf("Score = %+v, want %+v", c, want)
	}
	if p := c.StrictPRF(); p.Precision != 0.5 || p.Recall != 0.5 || p.F1 != 0.5 {
		t.Errorf("strict = %+v", p)
	}
	if p := c.RelaxedPRF(); p.F1 != 0.75 {
		t.Errorf("relaxed = %+v", p)
	}
	// value F1 is relaxed F1 times value accuracy, as in TempEval-3
	if got, want := c.ValuePRF().F1, c.RelaxedPRF().F1*c.ValueAccuracy(); got-want > 1e-12 || want-got > 1e-12 {
		t.Errorf("value F1 = %v, want %v", got, want)
	}
	// one predicted expression overlapping two gold ones matches one
	c = tempeval.Score(gold[:2], []tempeval.Timex{{Start: 0, End: 38, Type: "DATE"}})
	if c.Relaxed != 1 || c.Strict != 0 {
		t.Errorf("wide prediction: %+v", c)
	}
	if (tempeval.Counts{}).StrictPRF() != (tempeval.PRF{}) {
		t.Error("empty counts should score zero")
	}
}
