package lang_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/parallax-news/parallax/internal/text/lang"
)

// supported lists every code Detect may return; each needs at least two
// paragraphs in testdata/news.txt.
var supported = []string{
	"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk",
	"ro", "hu", "tr", "id", "ms", "hr", "sl", "et", "lv", "lt", "ca", "vi", "sq", "tl",
	"ru", "uk", "be", "bg", "sr", "mk", "ar", "fa", "ur", "el", "he", "hi", "bn", "ta",
	"th", "hy", "ka", "ja", "ko", "zh",
}

// Paths of the shared corpora, relative to this package.
const (
	bbcDir        = "../../../../shared/data/bbc"
	giveme5w1hDir = "../../../../shared/data/giveme5w1h/gold_standard/data"
)

var bbcCategories = []string{"business", "entertainment", "politics", "sport", "tech"}

type paragraph struct {
	lang, text string
}

// readParagraphs parses testdata/news.txt: "[xx]" lines name the language
// of the paragraphs after them, blank lines separate paragraphs, "#" lines
// are comments.
func readParagraphs(t testing.TB) []paragraph {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		out     []paragraph
		current string
		buf     []string
	)
	flush := func() {
		if len(buf) > 0 {
			out = append(out, paragraph{current, strings.Join(buf, " ")})
			buf = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "":
			flush()
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			flush()
			current = line[1 : len(line)-1]
		default:
			if current == "" {
				t.Fatalf("paragraph before any [lang] line: %q", line)
			}
			buf = append(buf, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return out
}

func TestDetectNews(t *testing.T) {
	paragraphs := readParagraphs(t)
	count := map[string]int{}
	for _, p := range paragraphs {
		count[p.lang]++
		t.Run(fmt.Sprintf("%s/%d", p.lang, count[p.lang]), func(t *testing.T) {
			// Han, kana and Hangul say in one character what alphabets say
			// in two or three.
			minRunes := 300
			if p.lang == "ja" || p.lang == "zh" || p.lang == "ko" {
				minRunes = 120
			}
			if n := utf8.RuneCountInString(p.text); n < minRunes {
				t.Fatalf("test paragraph has %d characters, want at least %d", n, minRunes)
			}
			if got := lang.Detect(p.text); got != p.lang {
				t.Errorf("Detect = %q, want %q\n%s", got, p.lang, p.text)
			}
		})
	}
	for _, code := range supported {
		if count[code] < 2 {
			t.Errorf("%s: %d test paragraphs, want at least 2", code, count[code])
		}
	}
	for code := range count {
		if !slices.Contains(supported, code) {
			t.Errorf("%s: test paragraphs for a language not in supported", code)
		}
	}
}

// TestDetectFirstSentences checks that the news paragraphs are told apart
// from their first two sentences alone (down to the Latin-script vote's
// floor), where close pairs such as da/nb, cs/sk, id/ms and es/ca have
// little to go on. The answer may be "", never another language.
func TestDetectFirstSentences(t *testing.T) {
	for _, p := range readParagraphs(t) {
		text := firstSentences(p.text, 2)
		t.Run(p.lang, func(t *testing.T) {
			if got := lang.Detect(text); got != p.lang && got != "" {
				t.Errorf("Detect = %q, want %q or \"\"\n%s", got, p.lang, text)
			}
		})
	}
}

// firstSentences returns the first n sentences of s, cut after ". ".
func firstSentences(s string, n int) string {
	end := 0
	for range n {
		i := strings.Index(s[end:], ". ")
		if i < 0 {
			return s
		}
		end += i + 2
	}
	return s[:end]
}

func TestDetectEdgeCases(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"one word", "Hello", ""},
		{"few letters", "Der Hund bellt.", ""},
		{"digits and punctuation", "2024-05-10 12:30:00 +0200 !!! ??? ... 1,234,567.89 %%%", ""},
		{"url", "https://www.example.com/news/2024/05/10/article-12345.html?id=987654", ""},
		{"names only", "Barack Obama, Angela Merkel, Emmanuel Macron, Vladimir Putin, Xi Jinping", ""},
		{"danish or norwegian", "Det er ikke en god idé, men det var det som han ville.", ""},
		{"indonesian or malay", "Dia tidak akan pergi ke pasar dengan mereka pada hari ini.", ""},
		{"invalid utf8", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0\xc0\xc1\xc2\xc3\xc4", ""},
		{"unknown latin language (Swahili)",
			"Serikali imetangaza mpango mpya wa kusaidia familia zenye kipato cha chini wakati wa msimu wa baridi. " +
				"Waziri wa fedha alisema kwamba bei ya umeme itapunguzwa kwa asilimia ishirini kuanzia mwezi ujao. " +
				"Vyama vya upinzani vimesema hatua hiyo imechelewa sana na haiwafikii wastaafu.", ""},
		{"unknown cyrillic language (Kazakh)",
			"Үкімет сейсенбі күні табысы төмен отбасыларға арналған жаңа қолдау бағдарламасын жариялады. " +
				"Қаржы министрінің айтуынша, электр қуаты мен газ үшін төлем жиырма пайызға дейін төмендейді.", ""},
		{"unknown arabic-script language (Pashto)",
			"حکومت د سه شنبې په ورځ د ټیټ عاید لرونکو کورنیو لپاره د ژمي په موسم کې د مرستې نوی پروګرام اعلان کړ. " +
				"د مالیې وزیر وویل چې د بریښنا بیه به تر شلو سلنې پورې راټیټه شي.", ""},
		{"unknown latin language (Azerbaijani)",
			"Hökumət çərşənbə axşamı aztəminatlı ailələr üçün yeni dəstək proqramını elan etdi. " +
				"Maliyyə naziri bildirib ki, qış aylarında elektrik və qaz haqları iyirmi faizədək azalacaq.", ""},
		{"unknown hebrew-script language (Yiddish)",
			"די רעגירונג האָט דינסטיק געמאָלדן אַ נײַעם פּלאַן װאָס זאָל העלפֿן משפּחות מיט קלײנע הכנסות אין װינטער.", ""},
		{"serbian or macedonian without ћ ђ ѓ ќ",
			"Јазикот и правописот се проучуваат на универзитетот во Скопје од многу години.", ""},
		{"unknown script (Gujarati)",
			"સરકારે મંગળવારે ઓછી આવક ધરાવતા પરિવારો માટે શિયાળામાં નવી સહાય યોજનાની જાહેરાત કરી.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectMixedScript(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english quoting a russian name",
			"The Kremlin said on Monday that Dmitry Peskov (Дмитрий Песков) would lead the delegation to the talks, " +
				"which are expected to last for three days and to cover trade as well as security.", "en"},
		{"russian with english brand names",
			"Компания Apple в понедельник представила новый iPhone, который поступит в продажу в России уже в следующем месяце.", "ru"},
		{"chinese with a katakana name",
			"据报道，索尼公司（ソニー）周三在东京发布了新一代游戏主机，预计将于明年春季在中国和欧洲市场同步上市销售。", "zh"},
		{"korean with hanja",
			"韓國 정부는 오늘 새로운 경제 정책을 발표했으며 이번 정책은 중소기업 지원에 초점을 맞추고 있다고 밝혔다.", "ko"},
		{"japanese with latin words",
			"ソニーは水曜日、新型ゲーム機PlayStationの販売台数が世界で一億台を超えたと発表した。", "ja"},
		{"half english half russian",
			"The government said on Tuesday that the new law would take effect next month. " +
				"Правительство заявило во вторник, что новый закон вступит в силу в следующем месяце.", ""},
		{"half arabic half english",
			"The minister said the talks would continue next week in the capital. " +
				"وقال الوزير إن المحادثات ستستمر الأسبوع المقبل في العاصمة.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectLongText checks that a text longer than the sample, cut inside
// a multi-byte rune, is detected from its prefix.
func TestDetectLongText(t *testing.T) {
	for _, p := range readParagraphs(t) {
		t.Run(p.lang, func(t *testing.T) {
			text := strings.Repeat(p.text+"\n\n", 2*lang.SampleBytes/len(p.text)+1)
			for shift := range 4 {
				s := text[shift:] // moves the cut across rune boundaries
				if !utf8.ValidString(s[:1]) {
					continue
				}
				if got := lang.Detect(s); got != p.lang {
					t.Errorf("shift %d: Detect = %q, want %q", shift, got, p.lang)
				}
			}
		})
	}
}

// readBBC returns the BBC news articles (all English), or skips the test
// when the corpus is absent.
func readBBC(tb testing.TB) (names, texts []string) {
	tb.Helper()
	if _, err := os.Stat(bbcDir); err != nil {
		tb.Skipf("BBC corpus not available at %s: %v", bbcDir, err)
	}
	for _, cat := range bbcCategories {
		paths, err := filepath.Glob(filepath.Join(bbcDir, cat, "*.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			if !utf8.Valid(b) {
				// One file (sport/199.txt) is Windows-1252.
				if b, err = charmap.Windows1252.NewDecoder().Bytes(b); err != nil {
					tb.Fatalf("decode %s: %v", p, err)
				}
			}
			names = append(names, filepath.Join(cat, filepath.Base(p)))
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		tb.Skipf("no BBC articles under %s", bbcDir)
	}
	return names, texts
}

// TestDetectBBC holds Detect to an accuracy floor on the 2,225 English
// articles of the BBC news corpus.
func TestDetectBBC(t *testing.T) {
	const floor = 0.999
	names, texts := readBBC(t)
	wrong := 0
	for i, text := range texts {
		if got := lang.Detect(text); got != "en" {
			wrong++
			t.Logf("%s: Detect = %q", names[i], got)
		}
	}
	share := float64(len(texts)-wrong) / float64(len(texts))
	t.Logf("BBC: %d of %d articles detected as en (%.4f)", len(texts)-wrong, len(texts), share)
	if share < floor {
		t.Errorf("BBC accuracy %.4f, want at least %.3f", share, floor)
	}
}

// TestDetectGiveMe5W1H checks the English news articles of the
// Giveme5W1H gold standard, title and body.
func TestDetectGiveMe5W1H(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(giveme5w1hDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skipf("Giveme5W1H corpus not available at %s", giveme5w1hDir)
	}
	wrong := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if got := lang.Detect(doc.Title + "\n\n" + doc.Text); got != "en" {
			wrong++
			t.Errorf("%s: Detect = %q, want en", filepath.Base(p), got)
		}
	}
	t.Logf("Giveme5W1H: %d of %d articles detected as en", len(paths)-wrong, len(paths))
}

func FuzzDetect(f *testing.F) {
	for _, p := range readParagraphs(f) {
		f.Add(p.text)
	}
	f.Add("")
	f.Add("l'l'l'l' d'' ''' ’’’ a’b")
	f.Add(strings.Repeat("é", lang.SampleBytes))
	f.Add("\xff\xfe\x80abc\xe2\x80")
	f.Fuzz(func(t *testing.T, s string) {
		got := lang.Detect(s)
		if got == "" {
			return
		}
		if len(got) != 2 || got[0] < 'a' || got[0] > 'z' || got[1] < 'a' || got[1] > 'z' {
			t.Fatalf("Detect(%q) = %q, want \"\" or a two-letter code", s, got)
		}
		if !slices.Contains(supported, got) {
			t.Fatalf("Detect(%q) = %q, not a supported language", s, got)
		}
	})
}

// examined returns the average number of bytes of texts that Detect reads.
func examined(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(min(len(t), lang.SampleBytes))
	}
	return n / int64(len(texts))
}

// BenchmarkDetect measures Detect per BBC article; ns/op is ns per article.
func BenchmarkDetect(b *testing.B) {
	_, texts := readBBC(b)
	b.SetBytes(examined(texts))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if got := lang.Detect(texts[i%len(texts)]); got == "" {
			b.Fatalf("article %d: no language", i%len(texts))
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
