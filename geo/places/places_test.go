package places_test

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/codectest"
	"github.com/strikemap/strikemap/geo/places"
)

func TestLoad(t *testing.T) {
	ps, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 100000 {
		t.Fatalf("got %d places, want over 100,000", len(ps))
	}
	if !slices.IsSortedFunc(ps, func(a, b places.Place) int { return b.Population - a.Population }) {
		t.Error("places are not sorted largest first")
	}
}

// Reference places from DOMAIN.md, found by exact GeoNames name.
func TestReferencePlaces(t *testing.T) {
	for name, tc := range map[string]struct {
		cc, admin1 string
		lat, lon   float64
		capital    bool
	}{
		"Ar Raqqah":   {"SY", "04", 35.95, 39.01, true},
		"Tadmur":      {"SY", "11", 34.56, 38.28, true}, // PPLA2, a district seat
		"Deir ez-Zor": {"SY", "07", 35.34, 40.14, true},
		"Aleppo":      {"SY", "09", 36.20, 37.16, true},
		"Mosul":       {"IQ", "", 36.34, 43.13, true},
	} {
		t.Run(name, func(t *testing.T) {
			i := slices.IndexFunc(places.InCountry(tc.cc), func(p places.Place) bool { return p.Name == name })
			if i < 0 {
				t.Fatalf("%s not in %s", name, tc.cc)
			}
			p := places.InCountry(tc.cc)[i]
			if math.Abs(p.Lat-tc.lat) > 0.02 || math.Abs(p.Lon-tc.lon) > 0.02 {
				t.Errorf("at %.4f,%.4f, want about %.2f,%.2f", p.Lat, p.Lon, tc.lat, tc.lon)
			}
			if tc.admin1 != "" && p.Admin1 != tc.admin1 {
				t.Errorf("admin1 %q, want %q", p.Admin1, tc.admin1)
			}
			if p.Capital != tc.capital {
				t.Errorf("capital %v, want %v (feature %s)", p.Capital, tc.capital, p.Feature)
			}
		})
	}
}

func TestAlternates(t *testing.T) {
	for _, p := range places.InCountry("SY") {
		if p.Name == "Tadmur" && p.Population > 10000 {
			if !slices.Contains(p.Alternates(), "Palmyra") {
				t.Errorf("Tadmur alternates %q lack Palmyra", p.AltNames)
			}
			return
		}
	}
	t.Error("Tadmur not found")
}

func TestInCountry(t *testing.T) {
	sy := places.InCountry("SY")
	if len(sy) < 100 {
		t.Fatalf("%d places in SY", len(sy))
	}
	for _, p := range sy {
		if p.Country != "SY" {
			t.Fatalf("%s is in %s", p.Name, p.Country)
		}
	}
	if sy[0].Name != "Aleppo" && sy[0].Name != "Damascus" {
		t.Errorf("largest Syrian place is %s", sy[0].Name)
	}
	if got := places.InCountry("ZZ"); len(got) != 0 {
		t.Errorf("InCountry(ZZ) = %d places", len(got))
	}
}

func TestAdmin1Name(t *testing.T) {
	for name, tc := range map[string]struct{ cc, code, want string }{
		"raqqa seat":        {"SY", "04", "Ar Raqqah"},
		"capital stands in": {"SY", "13", "Damascus"},
		"unknown division":  {"SY", "99", ""},
		"unknown country":   {"ZZ", "01", ""},
		"deir ez-zor seat":  {"SY", "07", "Deir ez-Zor"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := places.Admin1Name(tc.cc, tc.code); got != tc.want {
				t.Errorf("Admin1Name(%q, %q) = %q, want %q", tc.cc, tc.code, got, tc.want)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	in := []places.Place{
		{Name: "Ar Raqqah", AltNames: "Raqqa,الرقة", Lat: 35.95283, Lon: 39.00788, Country: "SY", Admin1: "04", Population: 177636, Feature: "PPLA", Capital: true},
		{Name: "Tadmur", AltNames: "Palmyra", Lat: 34.56, Lon: 38.28, Country: "SY", Admin1: "11", Population: 51323, Feature: "PPL"},
		{Name: "South", Lat: -89.99999, Lon: -179.99999, Country: "AQ", Feature: "PPLC", Capital: true},
	}
	var buf bytes.Buffer
	if err := places.Encode(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := places.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(in, out) {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, in)
	}
}

func TestEncodeRejectsBadCountry(t *testing.T) {
	if err := places.Encode(new(bytes.Buffer), []places.Place{{Name: "X", Country: "SYR"}}); err == nil {
		t.Error("Encode accepted a three-letter country")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	var good bytes.Buffer
	if err := places.Encode(&good, []places.Place{{Name: "Idlib", AltNames: "Edleb", Lat: 35.93, Lon: 36.63, Country: "SY", Admin1: "12", Population: 128840, Feature: "PPLA"}}); err != nil {
		t.Fatal(err)
	}
	raw := codectest.Gunzip(good.Bytes())
	codec.Refuses(t, raw, map[string][]byte{
		"empty":          nil,
		"not gzip":       []byte("hello, world"),
		"truncated gzip": good.Bytes()[:good.Len()/2],
		"bad magic":      codectest.Gzip(append([]byte("XXXXXXXX"), raw[8:]...)),
		"huge count":     codectest.Gzip(append([]byte("SMPLACE1\xff\xff\xff\xff\x0f"), raw[9:]...)),
		"trailing bytes": codectest.Gzip(append(slices.Clip(raw), 0)),
	})
}

func BenchmarkDecode(b *testing.B) {
	var buf bytes.Buffer
	if err := places.Encode(&buf, places.All()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := places.Decode(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
