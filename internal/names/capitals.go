package names

import "strings"

// capitals maps capital and other major cities, lower-cased, to their
// country's name as places gives it. Written for Parallax.
var capitals = map[string]string{
	"kabul": "afghanistan", "tirana": "albania", "algiers": "algeria", "luanda": "angola",
	"buenos aires": "argentina", "yerevan": "armenia", "canberra": "australia", "sydney": "australia",
	"vienna": "austria", "baku": "azerbaijan", "manama": "bahrain", "dhaka": "bangladesh",
	"minsk": "belarus", "brussels": "belgium", "sarajevo": "bosnia", "brasilia": "brazil",
	"rio de janeiro": "brazil", "sao paulo": "brazil", "london": "united kingdom", "sofia": "bulgaria",
	"phnom penh": "cambodia", "ottawa": "canada", "toronto": "canada", "santiago": "chile",
	"beijing": "china", "shanghai": "china", "bogota": "colombia", "zagreb": "croatia",
	"havana": "cuba", "nicosia": "cyprus", "prague": "czech republic", "copenhagen": "denmark",
	"cairo": "egypt", "addis ababa": "ethiopia", "helsinki": "finland", "paris": "france",
	"tbilisi": "georgia", "berlin": "germany", "athens": "greece", "budapest": "hungary",
	"new delhi": "india", "delhi": "india", "mumbai": "india", "jakarta": "indonesia",
	"tehran": "iran", "baghdad": "iraq", "dublin": "ireland", "jerusalem": "israel",
	"tel aviv": "israel", "rome": "italy", "tokyo": "japan", "amman": "jordan",
	"astana": "kazakhstan", "nairobi": "kenya", "pyongyang": "north korea", "seoul": "south korea",
	"kuwait city": "kuwait", "beirut": "lebanon", "tripoli": "libya", "vilnius": "lithuania",
	"kuala lumpur": "malaysia", "mexico city": "mexico", "rabat": "morocco", "amsterdam": "netherlands",
	"the hague": "netherlands", "wellington": "new zealand", "abuja": "nigeria", "lagos": "nigeria",
	"oslo": "norway", "muscat": "oman", "islamabad": "pakistan", "karachi": "pakistan",
	"lima": "peru", "manila": "philippines", "warsaw": "poland", "lisbon": "portugal",
	"doha": "qatar", "bucharest": "romania", "moscow": "russia", "riyadh": "saudi arabia",
	"jeddah": "saudi arabia", "belgrade": "serbia", "singapore": "singapore", "pretoria": "south africa",
	"johannesburg": "south africa", "cape town": "south africa", "madrid": "spain", "khartoum": "sudan",
	"stockholm": "sweden", "bern": "switzerland", "geneva": "switzerland", "damascus": "syria",
	"aleppo": "syria", "taipei": "taiwan", "bangkok": "thailand", "tunis": "tunisia",
	"ankara": "turkey", "istanbul": "turkey", "kyiv": "ukraine", "kiev": "ukraine",
	"abu dhabi": "united arab emirates", "dubai": "united arab emirates", "washington": "united states",
	"new york": "united states", "caracas": "venezuela", "hanoi": "vietnam", "sanaa": "yemen",
	"harare": "zimbabwe",
}

// Country returns the country a place name is in or is, lower-cased as
// places writes it ("Tehran" and "Iran" are "iran"), or "" when the name
// is no country or city this package knows.
func Country(place string) string {
	p := strings.ToLower(strings.TrimSpace(place))
	if c, ok := places[p]; ok {
		return c
	}
	return capitals[p]
}
