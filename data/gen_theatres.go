package data

import "github.com/paulmach/orb"

// theatre is one conflict the generator draws events from: where, when, who strikes,
// and who talks about it. The figures are plausible shapes, not history.
type theatre struct {
	country, cc string
	weight      float64 // share of all generated events
	from, to    [3]int  // year, month, day of the span
	actors      []genActor
	monitors    []string // third parties that count and report
	opponents   []string // parties struck, whose media deny or counter-claim
	launchSites []genSite
}

// genActor is a striking party with its usual weapons and the voice that speaks for it.
type genActor struct {
	name    string
	weight  float64
	weapons []string
	speaker string
}

// genSite is a launch point: a ship's patrol area, an air base, a launch site.
type genSite struct {
	name string
	at   orb.Point
}

var theatres = []theatre{
	{country: "Syria", cc: "SY", weight: 0.34, from: [3]int{2014, 9, 22}, to: [3]int{2024, 12, 8},
		actors: []genActor{
			{"Russia", 0.38, []string{"airstrike", "airstrike", "cruise missile", "drone strike"}, "Russian Ministry of Defence"},
			{"United States", 0.22, []string{"airstrike", "drone strike", "cruise missile"}, "US Central Command"},
			{"Syrian government", 0.25, []string{"airstrike", "artillery", "ballistic missile"}, "Syrian Arab News Agency"},
			{"Turkey", 0.08, []string{"drone strike", "airstrike", "artillery"}, "Turkish Ministry of National Defence"},
			{"France", 0.04, []string{"airstrike", "cruise missile"}, "French Ministry of the Armed Forces"},
			{"Unknown", 0.03, []string{"airstrike", "drone strike", "unknown"}, ""},
		},
		monitors:  []string{"Syrian Observatory for Human Rights", "Airwars", "Syria Civil Defence", "Syrian Network for Human Rights", "local activists"},
		opponents: []string{"Islamic State media", "Hayat Tahrir al-Sham media", "Syrian Democratic Forces"},
		launchSites: []genSite{{"Khmeimim air base", orb.Point{35.948, 35.401}},
			{"eastern Mediterranean", orb.Point{34.9, 34.9}}, {"Caspian Sea", orb.Point{50.5, 42.0}}},
	},
	{country: "Iraq", cc: "IQ", weight: 0.18, from: [3]int{2014, 8, 8}, to: [3]int{2021, 12, 31},
		actors: []genActor{
			{"United States", 0.45, []string{"airstrike", "drone strike", "artillery"}, "US Central Command"},
			{"Iraqi government", 0.3, []string{"airstrike", "artillery"}, "Iraqi Joint Operations Command"},
			{"Turkey", 0.15, []string{"drone strike", "airstrike"}, "Turkish Ministry of National Defence"},
			{"Iran", 0.07, []string{"ballistic missile", "drone strike"}, "Islamic Revolutionary Guard Corps"},
			{"Unknown", 0.03, []string{"drone strike", "unknown"}, ""},
		},
		monitors:    []string{"Airwars", "Iraq Body Count", "local officials", "UN Assistance Mission for Iraq"},
		opponents:   []string{"Islamic State media", "Kurdistan Workers' Party", "Popular Mobilization Forces"},
		launchSites: []genSite{{"Persian Gulf", orb.Point{50.3, 27.5}}, {"western Iran", orb.Point{46.9, 34.3}}},
	},
	{country: "Yemen", cc: "YE", weight: 0.16, from: [3]int{2015, 3, 26}, to: [3]int{2024, 12, 31},
		actors: []genActor{
			{"Saudi-led coalition", 0.7, []string{"airstrike", "airstrike", "drone strike"}, "Coalition spokesman"},
			{"United States", 0.2, []string{"drone strike", "cruise missile", "airstrike"}, "US Central Command"},
			{"United Kingdom", 0.05, []string{"airstrike"}, "UK Ministry of Defence"},
			{"Unknown", 0.05, []string{"airstrike", "unknown"}, ""},
		},
		monitors:    []string{"Yemen Data Project", "Mwatana for Human Rights", "local medics", "UN Panel of Experts"},
		opponents:   []string{"Houthi-run Saba news agency", "Ansar Allah media"},
		launchSites: []genSite{{"Red Sea", orb.Point{40.5, 16.0}}, {"Gulf of Aden", orb.Point{47.0, 12.5}}},
	},
	{country: "Ukraine", cc: "UA", weight: 0.18, from: [3]int{2022, 2, 24}, to: [3]int{2025, 10, 31},
		actors: []genActor{
			{"Russia", 0.8, []string{"cruise missile", "ballistic missile", "drone strike", "airstrike", "artillery"}, "Russian Ministry of Defence"},
			{"Ukraine", 0.2, []string{"drone strike", "cruise missile", "artillery"}, "General Staff of the Armed Forces of Ukraine"},
		},
		monitors:    []string{"UN Human Rights Monitoring Mission in Ukraine", "regional military administration", "State Emergency Service", "local officials"},
		opponents:   []string{"Ukrainian Air Force", "Russian Ministry of Defence"},
		launchSites: []genSite{{"Black Sea", orb.Point{33.0, 44.0}}, {"Engels air base", orb.Point{46.21, 51.48}}, {"Belgorod region", orb.Point{36.6, 50.6}}},
	},
	{country: "Libya", cc: "LY", weight: 0.05, from: [3]int{2014, 5, 16}, to: [3]int{2020, 10, 23},
		actors: []genActor{
			{"Libyan National Army", 0.5, []string{"airstrike", "drone strike", "artillery"}, "LNA media office"},
			{"Government of National Accord", 0.3, []string{"airstrike", "drone strike"}, "GNA media office"},
			{"United Arab Emirates", 0.1, []string{"drone strike", "airstrike"}, ""},
			{"United States", 0.1, []string{"drone strike"}, "US Africa Command"},
		},
		monitors:  []string{"Airwars", "UN Support Mission in Libya", "local medics"},
		opponents: []string{"Libyan National Army", "Government of National Accord"},
	},
	{country: "Somalia", cc: "SO", weight: 0.05, from: [3]int{2011, 1, 1}, to: [3]int{2025, 6, 30},
		actors: []genActor{
			{"United States", 0.75, []string{"drone strike", "airstrike"}, "US Africa Command"},
			{"Somali government", 0.15, []string{"airstrike"}, "Somali National News Agency"},
			{"Kenya", 0.1, []string{"airstrike"}, "Kenya Defence Forces"},
		},
		monitors:  []string{"Airwars", "New America", "local elders", "Amnesty International"},
		opponents: []string{"al-Shabaab media"},
	},
	{country: "Afghanistan", cc: "AF", weight: 0.04, from: [3]int{2015, 1, 1}, to: [3]int{2021, 8, 30},
		actors: []genActor{
			{"United States", 0.7, []string{"airstrike", "drone strike"}, "US Forces Afghanistan"},
			{"Afghan government", 0.3, []string{"airstrike", "artillery"}, "Afghan Ministry of Defence"},
		},
		monitors:  []string{"UN Assistance Mission in Afghanistan", "Bureau of Investigative Journalism", "provincial officials"},
		opponents: []string{"Taliban spokesman"},
	},
}

// genTargets are the target types of the sample, with how often the generator uses them.
var genTargets = []struct {
	name   string
	weight float64
}{
	{"military position", 0.28}, {"convoy", 0.08}, {"infrastructure", 0.1}, {"bridge", 0.03},
	{"market", 0.04}, {"residential area", 0.17}, {"command centre", 0.06}, {"weapons depot", 0.08},
	{"oil facility", 0.05}, {"training camp", 0.04}, {"unknown", 0.07},
}

// genPublishers carry claims; the generator's sources are theirs, on fictitious example.org pages.
var genPublishers = []string{"Reuters", "Agence France-Presse", "Associated Press", "Al Jazeera",
	"BBC News", "Al-Monitor", "The Long War Journal", "Middle East Eye", "Kyiv Independent",
	"TASS", "Anadolu Agency", "The New Arab", "Enab Baladi", "Rudaw", "The National"}
