package timex

// Word lists of the scanner, lower case.

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]int{
	"monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
	"thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
	"sunday": 7, "sun": 7,
}

// weekdayPlurals name a weekday that recurs: "on Tuesdays".
var weekdayPlurals = map[string]int{
	"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5,
	"saturdays": 6, "sundays": 7,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "dozen": 12, "single": 1,
}

// vagueNumbers stand for an unknown count: "several years" is PXY.
var vagueNumbers = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "numerous": true,
	"couple": true,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1,
}

// units maps a unit word, singular or plural, to its TIMEX3 duration
// letter(s); time units are marked with a leading 'T'.
var units = map[string]string{
	"second": "TS", "seconds": "TS", "minute": "TM", "minutes": "TM",
	"hour": "TH", "hours": "TH", "day": "D", "days": "D", "week": "W", "weeks": "W",
	"fortnight": "2W", "month": "M", "months": "M", "year": "Y", "years": "Y",
	"decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
	"quarter": "Q", "quarters": "Q", "weekend": "WE", "weekends": "WE",
	"night": "D", "nights": "D", "yr": "Y", "yrs": "Y", "hr": "TH", "hrs": "TH",
	"min": "TM", "mins": "TM", "millennium": "ML",
}

// partsOfDay maps words for a part of a day to their TIMEX3 code.
var partsOfDay = map[string]string{
	"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
	"overnight": "TNI",
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// refWords are expressions of the present, past or future as a whole.
// "previously" and "formerly" are left out: TimeBank marks them in one
// case out of seven.
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
	"nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
	"recently": "PAST_REF", "recent": "PAST_REF",
	"lately": "PAST_REF", "once": "", "soon": "FUTURE_REF",
	"earlier": "PAST_REF",
}

// approximators may open a time expression: "about two years ago".
var approximators = map[string]bool{
	"about": true, "almost": true, "nearly": true, "approximately": true,
	"roughly": true, "around": true, "some": true, "barely": true, "just": true,
}

// futureCues and pastCues are the words that set a sentence's tense for
// the direction of relative expressions.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "won't": true, "wo": true,
	"scheduled": true, "planned": true, "plans": true, "plan": true,
	"upcoming": true, "expected": true, "expects": true, "due": true,
	"going": true, "until": true, "tomorrow": true, "next": true, "intends": true,
	"planning": true, "intend": true, "soon": true, "would": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "ago": true,
	"went": true, "came": true, "met": true, "told": true, "made": true,
	"took": true, "gave": true, "saw": true, "began": true, "held": true,
	"left": true, "won": true, "lost": true, "rose": true, "fell": true,
	"sold": true, "bought": true, "paid": true, "spent": true, "thought": true,
	"found": true, "got": true, "became": true, "brought": true, "kept": true,
	"led": true, "ran": true, "spoke": true, "wrote": true, "struck": true,
	"broke": true, "yesterday": true, "last": true, "killed": true, "died": true,
	"hit": true, "quit": true, "sent": true, "felt": true, "meant": true,
	"shot": true, "stood": true, "fought": true, "drew": true, "grew": true,
	"knew": true, "chose": true, "wore": true, "flew": true, "ate": true,
	"earlier": true, "since": true,
}

// notPastED are words ending in -ed that are not verbs in the past.
var notPastED = map[string]bool{
	"need": true, "speed": true, "feed": true, "seed": true, "bed": true, "red": true,
	"shed": true, "led": false, "indeed": true, "hundred": true, "proceed": true,
	"exceed": true, "succeed": true, "breed": true, "greed": true, "weed": true,
	"wed": true, "bled": true, "fled": false, "united": true, "limited": true,
	"expected": true, "scheduled": true, "planned": true, "proposed": true,
}

// notPassive are past cues that are no participles: "is earlier", "are
// last" do not hide a passive.
var notPassive = map[string]bool{
	"yesterday": true, "last": true, "earlier": true, "since": true,
}

// determiners open a noun phrase: an -ed word after them is an
// adjective ("the revised plan"), no verb in the past.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "its": true, "their": true, "his": true,
	"her": true, "our": true, "this": true, "these": true, "those": true,
}
