package data_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// importedEvents imports files into a new database and returns its events by uid.
func importedEvents(t *testing.T, files ...string) map[string]*data.Event {
	t.Helper()
	path := filepath.Join(t.TempDir(), "i.db")
	mustImport(t, path, files...)
	out := map[string]*data.Event{}
	for _, e := range allEvents(t, mustOpen(t, path, data.ReadOnly)) {
		out[e.UID] = e
	}
	return out
}

func claimants(e *data.Event) []string {
	var out []string
	for _, c := range e.Claims {
		out = append(out, c.Claimant)
	}
	return out
}

func TestImportACLED(t *testing.T) {
	got := importedEvents(t, fixture("acled.csv"))
	if len(got) != 4 {
		t.Fatalf("%d events, want 4", len(got))
	}
	air, shelling, attack, protest := got["SYR900001"], got["SYR900002"], got["SYR900003"], got["IRQ900004"]
	for name, tc := range map[string]struct{ got, want any }{
		"strike date":          {air.DateStart.String(), "2017-03-04"},
		"strike precision":     {air.DatePrecision, data.DateDay},
		"actor1 as actor":      {air.Actor, "Military Forces of Russia (2000-)"},
		"lon, lat":             {[2]float64(air.Location), [2]float64{39.01, 35.95}},
		"geo_precision 1":      {air.GeoPrecision, data.GeoTown},
		"weapon":               {air.Weapon, "airstrike"},
		"one claim per outlet": {claimants(air), []string{"Syrian Observatory for Human Rights", "SANA"}},
		"fatalities":           {air.Claims[1].Killed.String(), "4"},
		"quoted line break":    {strings.Contains(air.Summary, "shop in Ar Raqqah.\nA second line"), true},
		"several outlets":      {air.Status, data.StatusLikely},
		"old date format":      {shelling.DateStart.String(), "2017-03-02"},
		"time_precision 2":     {shelling.DatePrecision, data.DateWeek},
		"geo_precision 2":      {shelling.GeoPrecision, data.GeoDistrict},
		"shelling weapon":      {shelling.Weapon, "shelling, artillery or missile"},
		"casualties unknown":   {shelling.Killed.Max.IsKnown(), false},
		"one outlet":           {shelling.Status, data.StatusSingleSource},
		"time_precision 3":     {attack.DatePrecision, data.DateMonth},
		"geo_precision 3":      {attack.GeoPrecision, data.GeoProvince},
		"attack on civilians":  {attack.TargetType, "civilians"},
		"a real zero":          {attack.Killed.Max.String(), "0"},
		"no outlet named":      {claimants(attack), []string{"ACLED"}},
		"protest: no weapon":   {protest.Weapon, ""},
		"repeated outlet once": {claimants(protest), []string{"Rudaw", "Shafaq News"}},
		"empty fatalities":     {protest.Killed.Min.IsKnown(), false},
		"quotes and commas":    {protest.Summary, `Fictional test row: a "peaceful" protest, with commas, quotes and no weapon.`},
	} {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", name, tc.got, tc.want)
		}
	}
}

func TestImportUCDP(t *testing.T) {
	got := importedEvents(t, fixture("ucdp.csv"))
	one, order, prov := got["900101"], got["900102"], got["900103"]
	if one == nil || order == nil || prov == nil {
		t.Fatalf("events %v", got)
	}
	for name, tc := range map[string]struct{ got, want any }{
		"date with a time":     {one.DateStart.String(), "2016-05-01"},
		"same end is no end":   {one.DateEnd.IsZero(), true},
		"date_prec 1":          {one.DatePrecision, data.DateDay},
		"where_prec 1":         {one.GeoPrecision, data.GeoExact},
		"side_a as actor":      {one.Actor, "IS"},
		"one-sided violence":   {one.TargetType, "civilians"},
		"best as the claim":    {one.Claims[0].Killed.String(), "12"},
		"civilians":            {one.Claims[0].Civilians.String(), "12"},
		"UCDP claims it":       {claimants(one), []string{"UCDP"}},
		"sources":              {one.Claims[0].Source.Publisher, "Reuters;AFP"},
		"headline":             {one.Claims[0].Source.Title, "Fictional headline one;Fictional headline two"},
		"first source date":    {one.Claims[0].Source.Published.String(), "2016-05-02"},
		"place":                {one.Place, "Aleppo town"},
		"date_prec 2":          {order.DatePrecision, data.DateRange},
		"range end":            {order.DateEnd.String(), "2016-06-05"},
		"where_prec 2":         {order.GeoPrecision, data.GeoDistrict},
		"best kept":            {order.Killed.Max.String(), "7"},
		"low and high in text": {strings.Contains(order.Claims[0].Text, "best estimate 7 deaths (low 9, high 5)"), true},
		"combatants":           {order.Claims[0].Combatants.String(), "7"},
		"where_prec 4":         {prov.GeoPrecision, data.GeoProvince},
		"date_prec 4":          {prov.DatePrecision, data.DateMonth},
		"single source":        {prov.Status, data.StatusSingleSource},
		"no office":            {prov.Claims[0].Source.Publisher, "UCDP Georeferenced Event Dataset"},
		"unknown side b":       {prov.Claims[0].Combatants.IsKnown(), false},
	} {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", name, tc.got, tc.want)
		}
	}
}

func equal(a, b any) bool {
	if as, ok := a.([]string); ok {
		bs, ok := b.([]string)
		return ok && slices.Equal(as, bs)
	}
	return a == b
}

func TestImportWithFewColumnsWarnsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	res, lines, err := importReporting(t, path, data.ImportOptions{}, fixture("acled_few_columns.csv"), fixture("ucdp_few_columns.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || len(lines) != 2 || !strings.Contains(lines[0], "acled_few_columns.csv:1: warning: the header lacks the column(s) time_precision") {
		t.Errorf("result %+v, reported %q", res, lines)
	}
}

// A feature that does not fit is one bad row, named by the line it starts on.
func TestGeoJSONProblemsNameTheirLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.geojson")
	os.WriteFile(file, []byte(`{
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [39.01, 35.95]},
     "properties": {"date_start": "2015-11-01", "date_precision": "day", "geo_precision": "town",
       "status": "declared", "claims": [{"claimant": "X", "stance": "claims", "killed": "many"}]}},
    {"type": "Feature", "id": "b", "geometry": {"type": "Point", "coordinates": [4239, 35.95]},
     "properties": {"date_start": "2015-11-01", "date_precision": "day", "geo_precision": "town", "status": "declared"}},
    {"type": "Feature", "id": "c", "geometry": null,
     "properties": {"date_start": "2015-02-30", "date_precision": "day", "geo_precision": "town", "status": "declared"}},
    {"type": "Feature", "id": "d", "geometry": {"type": "Point", "coordinates": [39.01, 35.95]},
     "properties": {"date_start": "2015-11-01", "date_precision": "day", "geo_precision": "town", "status": "declared"}}
  ]
}`), 0o644)
	res, lines, err := importReporting(t, filepath.Join(t.TempDir(), "x.db"), data.ImportOptions{SkipInvalid: true}, file)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		file + `:4: claim killed is a string, want a whole number or null`,
		file + `:7: lon 4239 is outside -180..180`,
		file + `:9: geometry is null, want a Point; date_start "2015-02-30" is not a real day as YYYY-MM-DD`,
	}
	if !slices.Equal(lines, want) || res.Added != 1 {
		t.Errorf("added %d, reported\n%s\nwant\n%s", res.Added, strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// Strikemap's CSV: the rows of one uid that follow each other are one event.
func TestImportOwnCSV(t *testing.T) {
	file := filepath.Join(t.TempDir(), "own.csv")
	head := strings.Join(data.CSVColumns, ",")
	ev := `e1,2015-11-01,,day,35.95,39.01,town,Raqqa,,Syria,France,"depot, fuel",airstrike,34.9,34.9,"frigate, east",,declared,3,3,1,1`
	os.WriteFile(file, []byte(head+"\r\n"+
		ev+`,French ministry,claims,"Says ""a depot"" burned",,,,,2015-11-02,Ministry,Statement,https://example.org/a,2015-11-02,,fr`+"\r\n"+
		ev+`,Monitor,reports,"Counts
three dead",3,1,,,,Monitor,,,,,`+"\r\n"+
		`e2,2015-11-03,2015-11-05,range,34.56,38.28,district,,,,,,,,,,,alleged,,,,`+strings.Repeat(",", 14)+"\r\n"+
		`e3,2015-11-03,,day,34.56,38.28,district,,,,,,,,,,,alleged,,,,,X,claims,,,,,,,,,,,,`+"\r\n"+
		`e3,2015-11-04,,day,34.56,38.28,district,,,,,,,,,,,alleged,,,,,Y,claims,,,,,,,,,,,,`+"\r\n"), 0o644)
	path := filepath.Join(t.TempDir(), "o.db")
	res, lines, err := importReporting(t, path, data.ImportOptions{SkipInvalid: true}, file)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(lines) != 1 || !strings.Contains(lines[0], ":6: line 7: its event columns differ from those on line 6") {
		t.Fatalf("result %+v, reported %q", res, lines)
	}
	got := allEvents(t, mustOpen(t, path, data.ReadOnly))
	e1 := got[0]
	if len(e1.Claims) != 2 || e1.Claims[1].Text != "Counts\nthree dead" || e1.Claims[0].Text != `Says "a depot" burned` ||
		e1.Killed.Max.String() != "3" || e1.Origin == nil || e1.Origin.Name != "frigate, east" || e1.TargetType != "depot, fuel" {
		t.Errorf("e1 read as %+v", e1)
	}
	if e2 := got[1]; len(e2.Claims) != 0 || e2.DateEnd.String() != "2015-11-05" {
		t.Errorf("e2 read as %+v", e2)
	}
}
