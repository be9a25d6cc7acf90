package lang

import (
	"math/bits"
	"strings"
	"sync"
)

// Latin-script languages are told apart by their function words: the
// articles, prepositions, conjunctions, pronouns and auxiliaries that make
// up a third or more of running text in most languages (less in
// agglutinative ones such as Finnish and Turkish, whose lists therefore
// also hold frequent postpositions and verb forms) and differ between
// languages far more than content words do. Each word in the sample that is
// on a language's list is one vote for that language; a word on several
// lists votes for each. Letters with diacritics that only a few languages
// use add a little evidence on top, which matters most for short texts and
// close pairs (Czech ř ě ů against Slovak ľ ĺ ŕ).

// latinLangs lists the Latin-script languages Detect knows, each with its
// function words: frequent, short, and chosen to tell it from its
// neighbours (Spanish "el los y", Portuguese "o os não"). A word on several
// lists is fine; it votes for all of them. Bokmål is reported as "nb", as
// the detector Parallax used before did; Serbian and Bosnian in Latin script
// score as Croatian.
var latinLangs = [...]struct {
	code  string
	words string
}{
	{"en", "the and of to in is that for with was on it as by he be at from has have are this but not which they said his an were had been will would their its who more also after than she her we there about when into up out could a"},
	{"fr", "le la les de des du et est un une en dans pour que qui pas sur au aux par avec il ils elle elles ce cette ces sont été ont a ne se plus mais son sa ses leur lui où nous vous selon comme était l' d' qu' n' s' c' j'"},
	{"de", "der die das und ist nicht ein eine einen einem dem den des zu mit sich auf für im von sie er es wird werden wurde hat haben auch als nach bei aus noch wie sind über dass oder aber nur vor zum zur um"},
	{"es", "el la los las de del y en que un una es por con para se no al lo como más su sus pero fue ha han este esta ser ya entre sobre también muy hay porque cuando está desde a"},
	{"pt", "o a os as de do da dos das e em no na nos nas um uma que para por com não se ao é foi mais mas seu sua como são também ou pelo pela ele ela este entre muito já quando"},
	{"it", "il lo la i gli le di del della dei delle degli e è che un una in per non con si da al alla nel nella sono ha anche come più ma questo questa stato dal sul tra ed a l' dell' all' nell' un'"},
	{"nl", "de het een van en in is dat op te met voor zijn niet aan er ook als bij door maar om naar dan wordt werd nog die deze dit uit over tot heeft hebben was kan of zal worden"},
	{"sv", "och att det i en som är på för med av den till har inte om de ett var sig han hon men från så kan ska efter vid också eller när nu vi under mot sina"},
	{"da", "og i at det er en til på som de med af for den har ikke et var han der om men fra kan vil skal eller efter også over blev sig blive bliver nu når hun mod havde siger ud op meget deres hvad endnu blevet nogle mellem uden fik været hende"},
	{"nb", "og i at det er en til på som de med av for den har ikke et var han der om men fra kan vil skal eller etter også over ble seg bli blir nå når hun mot hadde sier ut opp mye å hva ennå blitt noen mellom uten fikk vært henne"},
	{"fi", "ja on ei se että oli hän ovat mutta kun myös tai joka jo kuin sen ole nyt vain niin sekä olla siitä mukaan tämä jälkeen ollut hänen kanssa vielä jotka sitä jonka koska jos noin aikana kuitenkin kaikki olivat olisi voivat yli ennen sitten eikä ettei nämä tämän heidän joiden jota mitä"},
	{"pl", "i w z na się nie do to że jest o a od po jak ale jego co przez dla są przy za już jako być który która które tak lub także oraz może było został została ich jej"},
	{"cs", "a v se na je že to s z o do i k ve jsou by jak ale pro jeho od po za tak což které který která také jako už být bylo byl byla podle při jen nebo má mezi než aby"},
	{"sk", "a v sa na je že to s z o do k vo sú by ako ale pre jeho od po za tak čo ktoré ktorý ktorá aj už byť bolo bol bola podľa pri len alebo má medzi než aby tiež"},
	{"ro", "și şi în de la a cu pe care din că este nu o se un mai pentru sunt au fost ca să ce al le sau prin după fi acest această aceasta lor fără dar iar"},
	{"hu", "a az és hogy nem is egy van meg de ez azt el már csak mint volt ki be még sem vagy amely után pedig kell lesz szerint most között ezt nagy akkor ha amit aki ami miatt alatt több mert lett ezért minden így úgy azonban ott ahol amelyek valamint során illetve"},
	{"tr", "ve bir bu da de için ile olarak çok daha ne gibi olan en ama sonra kadar ise her değil o göre ancak şu olduğunu var yok ki tarafından ilk yeni büyük nedeniyle bazı birçok yüzde ayrıca üzere önce tüm diğer karşı arasında olduğu sadece hem veya edildi etti dedi açıkladı söyledi kendi bunun şekilde"},
	{"id", "yang dan di ini itu dengan untuk dari dalam tidak akan ke pada juga ada adalah oleh telah mereka atau kami kita lebih hanya seperti menjadi sebagai kepada dapat bagi bahwa karena bisa tersebut setelah saat agar pemerintah yaitu para sejumlah terkait usai bakal warga lewat"},
	{"ms", "yang dan di ini itu dengan untuk dari dalam tidak akan ke pada juga ada adalah oleh telah mereka atau kami kita lebih hanya seperti menjadi sebagai kepada dapat bagi bahawa kerana boleh selepas ialah iaitu beliau turut kerajaan supaya semasa daripada pula sahaja berkata menerusi apabila manakala"},
	{"hr", "i je u na se da su za od a s o koji koja koje što ali kao iz do bi biti nije će ili sve po još samo te bio bila bilo godine prema među nakon kako"},
	{"sl", "in je v na se da za so z s ki pa tudi od do po bo bi ne kot še ali iz smo sem biti bil bila bilo le lahko ter saj če kar tem ima med"},
	{"et", "ja on ei et see oli ta mis kui aga ka või ning nagu oma seda veel kes siis ainult pärast üle mille tema nad olid kõik juba sest selle kuid sõnul peaks teatel tõttu jooksul vastu eest järgi poolt ilma kuni nüüd enne alla neid need mida kus samuti"},
	{"lv", "un ir ar par no uz ka kas bet arī to tas tā ko pie lai vai viņš viņa bija tikai kā jau nav būs gan tomēr kur šo pēc līdz vēl taču nekā vairāk šis šī tie tās viņi kuru kurš kura tika tiek var būt jo savu savā sava"},
	{"lt", "ir kad yra su į iš o bet tai kaip jo buvo už per kuris kurie dėl nuo apie jau taip pat tik ar jie ji jis savo bus po prie nes nors pasak tačiau kai kuri kurios kas dar labiau iki nei bei vis jų jos šis ši tokia daugiau turėtų gali būti"},
	{"ca", "el la els les de del dels i a en que per amb un una és es no al va van com més però ha han seu seva aquest aquesta també hi ho ser on sobre molt fins quan l' d' s' n'"},
	{"vi", "của và là các có được trong không những cho này với một người đã để đến khi từ theo ra về nhiều cũng như sẽ tại vào đó năm bị sau"},
	{"sq", "të e në dhe i që për me nga një është u se ka ishte janë do nuk si por më ky kjo edhe pas mund së tij saj kanë ose"},
	{"tl", "ang ng sa na mga at ay si ni kay para hindi ito siya may noong dahil pa rin din lamang lang ngunit nang kung ano habang sila kanyang kanilang ayon nito niya mula upang"},
}

// numLatin is the number of Latin-script languages; their index in
// latinLangs is their bit in a langSet.
const numLatin = len(latinLangs)

// langSet is a set of Latin-script languages, one bit per index in
// latinLangs, and the foreign bit.
type langSet uint64

// The languages and the foreign bit must fit in a langSet.
const _ = uint(63 - numLatin)

// Diacritic letters used by only a few of the languages, lower-case. Common
// ones (é, á, í, ó, ú) tell nothing and are left out; Vietnamese letters
// of the Latin Extended Additional block are handled by range.
var latinDiacritics = [...]struct {
	letters string
	codes   string
}{
	{"ß", "de"},
	{"ñ", "es"},
	{"ç", "fr pt ca tr sq"},
	{"ã", "pt vi"},
	{"õ", "pt et vi"},
	{"ê", "fr pt vi"},
	{"è", "fr it ca vi"},
	{"à", "fr it ca pt vi"},
	{"ò", "it ca vi"},
	{"ù", "fr it vi"},
	{"ì", "it vi"},
	{"ï", "fr ca"},
	{"ë", "sq"},
	{"øæ", "da nb"},
	{"å", "sv da nb"},
	{"ä", "de sv fi et sk"},
	{"ö", "de sv fi et hu tr"},
	{"ü", "de hu tr et"},
	{"őű", "hu"},
	{"łśźżń", "pl"},
	{"ąę", "pl lt"},
	{"ć", "pl hr"},
	{"řěů", "cs"},
	{"ľĺŕ", "sk"},
	{"ý", "cs sk"},
	{"ğı", "tr"},
	{"ş", "tr ro"},
	{"șțţ", "ro"},
	{"î", "ro"},
	{"ă", "ro vi"},
	{"đ", "hr vi"},
	{"č", "cs sk sl hr lv lt"},
	{"šž", "cs sk sl hr lv lt et"},
	{"āēīļņķģ", "lv"},
	{"ū", "lv lt"},
	{"ėįų", "lt"},
	{"ơư", "vi"},
	// Letters of Latin-script languages without a list here: Azerbaijani
	// ə, the ɛ ɔ ŋ ɗ ƙ ɓ of West African languages, Icelandic þ ð,
	// Esperanto ĉ ĝ ĥ ĵ ŝ ŭ, Maltese ħ, Welsh ŵ ŷ.
	{"əɛɔŋɗƙɓƴþðĉĝĥĵŝŭħŵŷ", "?"},
}

// latinTables holds the lookup tables built from latinLangs and
// latinDiacritics. They are built once, on first use, and never change.
type latinTables struct {
	words map[string]langSet
	// diacritics holds the languages of each lower-case letter below
	// U+02B0, the end of the IPA block.
	diacritics [0x2B0]langSet
	vi         langSet
}

// tables returns the lookup tables, building them on first use.
var tables = sync.OnceValue(func() *latinTables {
	t := &latinTables{words: make(map[string]langSet), vi: setOf("vi")}
	for i := range latinLangs {
		for _, w := range strings.Fields(latinLangs[i].words) {
			if len(w) > maxWord {
				panic("lang: function word longer than maxWord: " + w)
			}
			t.words[w] |= 1 << i
		}
	}
	for _, d := range latinDiacritics {
		set := setOf(d.codes)
		for _, r := range d.letters {
			t.diacritics[r] |= set
		}
	}
	for r := 0x250; r < 0x2B0; r++ { // IPA letters: African languages
		t.diacritics[r] = foreign
	}
	return t
})

// foreign is the langSet bit of letters of languages that have no list.
const foreign langSet = 1 << 63

// setOf returns the set of the space-separated language codes, "?" standing
// for foreign; it panics on an unknown code, which only a mistake in the
// tables above can cause.
func setOf(codes string) langSet {
	var s langSet
	for _, c := range strings.Fields(codes) {
		if c == "?" {
			s |= foreign
			continue
		}
		i := latinIndex(c)
		if i < 0 {
			panic("lang: unknown language code in tables: " + c)
		}
		s |= 1 << i
	}
	return s
}

// latinIndex returns the index of code in latinLangs, or -1.
func latinIndex(code string) int {
	for i := range latinLangs {
		if latinLangs[i].code == code {
			return i
		}
	}
	return -1
}

// latinVote accumulates the evidence for each Latin-script language.
type latinVote struct {
	t       *latinTables    // from tables()
	words   int             // words seen
	votes   [numLatin]int32 // function words seen, per language
	marks   [numLatin]int32 // telling diacritic letters seen, per language
	foreign int             // letters of languages without a list seen
	// specific counts the function words seen that are on at most
	// maxSpecific lists: words like "a", "de" and "na" are on a dozen and
	// turn up in languages that have no list here at all.
	specific [numLatin]int32
}

// word votes for the languages whose function word w (lower-case) is.
func (v *latinVote) word(w []byte) {
	v.words++
	set := v.t.words[string(w)]
	specific := int32(0)
	if bits.OnesCount64(uint64(set)) <= maxSpecific {
		specific = 1
	}
	for set != 0 {
		i := bits.TrailingZeros64(uint64(set))
		v.votes[i]++
		v.specific[i] += specific
		set &= set - 1
	}
}

// diacritic notes the evidence of r, a lower-case non-ASCII Latin letter.
func (v *latinVote) diacritic(r rune) {
	var set langSet
	switch {
	case r < rune(len(v.t.diacritics)):
		set = v.t.diacritics[r]
	case 0x1EA0 <= r && r <= 0x1EF9:
		set = v.t.vi
	}
	if set&foreign != 0 {
		v.foreign++
		return
	}
	for set != 0 {
		v.marks[bits.TrailingZeros64(uint64(set))]++
		set &= set - 1
	}
}

const (
	// maxMarkScore caps what diacritics add to a language's score, so that
	// a few foreign names cannot outvote the function words.
	maxMarkScore = 3
	// minVotes is the least score a winner needs.
	minVotes = 4
	// maxSpecific is the most lists a function word may be on and still
	// count as specific evidence.
	maxSpecific = 4
)

// decide returns the code of the language with the clearly best score in
// text of the given number of letters, or "" when no language leads
// clearly or the text has letters of a language without a list.
func (v *latinVote) decide(letters int) string {
	best, second := -1, int32(0)
	var bestScore int32
	for i := range numLatin {
		s := v.votes[i] + min(v.marks[i], maxMarkScore)
		switch {
		case s > bestScore:
			second = bestScore
			best, bestScore = i, s
		case s > second:
			second = s
		}
	}
	if best < 0 || bestScore < minVotes || v.foreign*100 >= letters {
		return ""
	}
	// The winner must lead by a margin that grows with the evidence. In
	// real text of a language, its function words are an eighth of the
	// words or more, and at least one word in sixteen is on few other
	// lists; text short of either is in a language without a list here
	// (Hausa scores on "a", "da", "na" alone).
	margin := 2 + bestScore/20
	if bestScore-second < margin || int(bestScore)*8 < v.words || int(v.specific[best])*16 < v.words {
		return ""
	}
	return latinLangs[best].code
}
