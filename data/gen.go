package data

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/geo/places"
)

// MaxGenerate is the most events Generate writes in one database.
const MaxGenerate = 10_000_000

// Generate writes n synthetic events as a new database at path, the same for the same
// seed: clustered around real towns of several conflicts, spread over their years,
// with 1–5 claims each that disagree as real claims do. It is for load tests and demos.
// progress, when not nil, is called with the number of events written so far.
func Generate(ctx context.Context, path string, n int, seed uint64, progress func(int)) error {
	if n < 0 || n > MaxGenerate {
		return fmt.Errorf("gen: %d events asked, want 0 to %d", n, MaxGenerate)
	}
	g, err := newGenerator(seed)
	if err != nil {
		return err
	}
	return Create(ctx, path, func(db *DB) error {
		return db.Write(ctx, func(w *Writer) error {
			for i := 0; i < n; i++ {
				e := g.event(i)
				if _, err := w.Add(ctx, e); err != nil {
					return fmt.Errorf("gen: event %d: %w", i, err)
				}
				if i%10000 == 9999 {
					if err := ctx.Err(); err != nil {
						return err
					}
					if progress != nil {
						progress(i + 1)
					}
				}
			}
			return nil
		})
	})
}

// generator holds the random source and the prepared theatres; event reuses its buffers.
type generator struct {
	rng   *rand.Rand
	seed  uint64
	ts    []genTheatre
	total float64
	e     Event
}

// genTheatre is a theatre with its towns and its busy periods resolved.
type genTheatre struct {
	*theatre
	towns     []places.Place
	weights   []float64 // cumulative town weights
	from, to  Date
	campaigns []Date // days around which strikes cluster
}

// townsPerTheatre is how many of a country's largest places events cluster around.
const townsPerTheatre = 80

func newGenerator(seed uint64) (*generator, error) {
	if _, err := places.Load(); err != nil {
		return nil, fmt.Errorf("gen: place table: %w", err)
	}
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x5eed)), seed: seed}
	for i := range theatres {
		t := &theatres[i]
		towns := places.InCountry(t.cc)
		if len(towns) == 0 {
			return nil, fmt.Errorf("gen: no places for %s in the place table", t.cc)
		}
		if len(towns) > townsPerTheatre {
			towns = towns[:townsPerTheatre]
		}
		gt := genTheatre{theatre: t, towns: towns,
			from: DateOf(t.from[0], time.Month(t.from[1]), t.from[2]),
			to:   DateOf(t.to[0], time.Month(t.to[1]), t.to[2])}
		sum := 0.0
		for _, p := range towns {
			// Fighting concentrates in cities, but not in proportion to their size.
			sum += math.Sqrt(float64(max(p.Population, 1000)))
			gt.weights = append(gt.weights, sum)
		}
		span := int(gt.to - gt.from)
		for k := 0; k < 3+span/120; k++ {
			gt.campaigns = append(gt.campaigns, gt.from+Date(g.rng.IntN(span+1)))
		}
		g.ts = append(g.ts, gt)
		g.total += t.weight
	}
	return g, nil
}

// event draws the i-th event; its uid makes it unique within the seed.
func (g *generator) event(i int) *Event {
	r := g.rng
	t := g.pickTheatre()
	town := t.towns[pickCumulative(r, t.weights)]
	a := pickActor(r, t.actors)
	e := &g.e
	*e = Event{UID: fmt.Sprintf("gen-%d-%07d", g.seed, i), Country: t.country,
		Admin1: places.Admin1Name(t.cc, town.Admin1), Actor: a.name, Claims: e.Claims[:0]}
	e.Weapon = a.weapons[r.IntN(len(a.weapons))]
	e.TargetType = pickTarget(r)
	g.when(t, e)
	g.where(t, town, e)
	if (e.Weapon == "cruise missile" || e.Weapon == "ballistic missile") && len(t.launchSites) > 0 && r.Float64() < 0.6 {
		s := t.launchSites[r.IntN(len(t.launchSites))]
		e.Origin = &Origin{Point: s.at, Name: s.name}
	}
	g.claims(t, a, e)
	e.Summary = fmt.Sprintf("%s %s on a %s %s %s, reported by %d source(s).", e.Actor, e.Weapon,
		e.TargetType, nearWord(e.GeoPrecision), e.Place, len(e.Claims))
	return e
}

func (g *generator) pickTheatre() *genTheatre {
	x := g.rng.Float64() * g.total
	for i := range g.ts {
		if x -= g.ts[i].weight; x < 0 {
			return &g.ts[i]
		}
	}
	return &g.ts[len(g.ts)-1]
}

// when draws a date near one of the theatre's campaigns, with an honest share of imprecision.
func (g *generator) when(t *genTheatre, e *Event) {
	r := g.rng
	d := t.from + Date(r.IntN(int(t.to-t.from)+1))
	if r.Float64() < 0.7 {
		c := t.campaigns[r.IntN(len(t.campaigns))]
		d = c + Date(r.NormFloat64()*25)
	}
	d = min(max(d, t.from), t.to)
	e.DateStart, e.DatePrecision = d, DateDay
	switch x := r.Float64(); {
	case x < 0.08:
		e.DatePrecision, e.DateEnd = DateRange, d+Date(1+r.IntN(6))
	case x < 0.14:
		e.DatePrecision, e.DateEnd = DateWeek, d+6
	case x < 0.18:
		tm := d.Time()
		e.DatePrecision = DateMonth
		e.DateStart = DateOf(tm.Year(), tm.Month(), 1)
		e.DateEnd = DateOf(tm.Year(), tm.Month()+1, 1) - 1
	case x < 0.19:
		tm := d.Time()
		e.DatePrecision = DateYear
		e.DateStart, e.DateEnd = DateOf(tm.Year(), 1, 1), DateOf(tm.Year(), 12, 31)
	}
}

// where places the event at, near or around its town according to a drawn precision.
func (g *generator) where(t *genTheatre, town places.Place, e *Event) {
	r := g.rng
	e.Place = town.Name
	p := orb.Point{town.Lon, town.Lat}
	jitter := func(km float64) {
		p[1] += r.NormFloat64() * km / 111
		p[0] += r.NormFloat64() * km / (111 * math.Cos(p[1]*math.Pi/180))
	}
	switch x := r.Float64(); {
	case x < 0.25:
		e.GeoPrecision = GeoExact
		jitter(2)
	case x < 0.72:
		e.GeoPrecision = GeoTown
	case x < 0.88:
		e.GeoPrecision = GeoDistrict
		jitter(12)
	case x < 0.97:
		e.GeoPrecision = GeoProvince
		if seat := g.seat(t, town); seat != nil {
			p, e.Place = orb.Point{seat.Lon, seat.Lat}, e.Admin1+" province"
		}
	default:
		e.GeoPrecision = GeoCountry
		p, e.Place = orb.Point{t.towns[0].Lon, t.towns[0].Lat}, t.country
	}
	e.Location = orb.Point{round5(p[0]), round5(math.Max(-85, math.Min(85, p[1])))}
}

// seat returns the seat of the town's province among the theatre's towns, if listed.
func (g *generator) seat(t *genTheatre, town places.Place) *places.Place {
	for i := range t.towns {
		if s := &t.towns[i]; s.Admin1 == town.Admin1 && s.Capital {
			return s
		}
	}
	return nil
}

func nearWord(p GeoPrecision) string {
	switch p {
	case GeoExact:
		return "in"
	case GeoProvince, GeoCountry:
		return "somewhere in"
	}
	return "near"
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

func pickCumulative(r *rand.Rand, cum []float64) int {
	x := r.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func pickActor(r *rand.Rand, as []genActor) genActor {
	x := r.Float64()
	for _, a := range as {
		if x -= a.weight; x < 0 {
			return a
		}
	}
	return as[len(as)-1]
}

func pickTarget(r *rand.Rand) string {
	x := r.Float64()
	for _, t := range genTargets {
		if x -= t.weight; x < 0 {
			return t.name
		}
	}
	return "unknown"
}
