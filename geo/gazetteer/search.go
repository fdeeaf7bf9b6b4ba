package gazetteer

import (
	"cmp"
	"slices"

	"github.com/strikemap/strikemap/geo/places"
)

// Match grades how a result matched the query, best first.
type Match int

const (
	// Exact: the query folds to the place's name or one of its alternate
	// names ("Raqqa" for Ar Raqqah, "Deir Ezzor" for Deir ez-Zor).
	Exact Match = iota
	// Article: equal once the Arabic article is dropped from both
	// ("Bukamal" for Albu Kamal, "Sharm al Sheikh" for Sharm el Sheikh).
	Article
	// Prefix: the query starts a name (suggestions only).
	Prefix
	// Similar: another transliteration of the same consonants ("Deir
	// ez-Zur" for Dayr az Zur).
	Similar
)

// Result is one place found, with how it matched and the spelling, its name
// or one of its alternate names, that did.
type Result struct {
	places.Place
	Match    Match
	Spelling string
}

// Lookup returns the places whose name or an alternate name matches query as
// a whole (Exact, Article or Similar), best first: by Match, then largest
// population, then a match on the place's own name before one on an
// alternate. country ("SY", "Syria"; see Country) limits the search to one
// country; "" searches everywhere and a country not recognised finds nothing.
func (g *Gazetteer) Lookup(query, country string) []Result {
	cc, ok := Country(country)
	if !ok {
		return nil
	}
	g.Warm()
	var c collector
	g.whole(&c, fold(query), cc, true)
	return c.sorted(g, -1)
}

// Best returns the best match of Lookup, if any.
func (g *Gazetteer) Best(query, country string) (Result, bool) {
	rs := g.Lookup(query, country)
	if len(rs) == 0 {
		return Result{}, false
	}
	return rs[0], true
}

// Geocode returns the point of the best match for place, limited to country
// when it is not "". It has the shape data's importer takes for geocoding
// rows that name a place but give no coordinates.
func (g *Gazetteer) Geocode(place, country string) (lat, lon float64, ok bool) {
	r, ok := g.Best(place, country)
	return r.Lat, r.Lon, ok
}

// Suggest returns up to n places for a search box as the user types prefix:
// whole matches first (as Lookup ranks them, machine romanizations left
// out), then places whose name starts with prefix, then those with an
// alternate name that does, each most populous first, then the same for
// prefix without its Arabic article, then similar spellings.
func (g *Gazetteer) Suggest(prefix string, n int) []Result {
	k := fold(prefix)
	if k.full == "" || n <= 0 {
		return nil
	}
	g.Warm()
	var c collector
	g.whole(&c, keys{full: k.full, bare: k.bare}, "", false)
	// Places are ordered largest first, so the n lowest place indices in a
	// prefix range are its n most populous places. Places that the query as
	// typed starts come before those that it starts without its article
	// ("Al Bu": Albu Kamal before Bucharest), and in each, places whose own
	// name matches before those matched by an alternate name only.
	rank := 0
	for _, key := range []string{k.full, k.bare} {
		if key == "" {
			continue
		}
		var byName, byAlt []entry // sorted by place
		lo, hi := g.span(g.words, key, true)
		for _, e := range g.words[lo:hi] {
			switch {
			case c.has(e.place) || e.alt&weakFlag != 0:
			case e.alt&altMask == 0:
				byName = keepTop(byName, e, n)
			default:
				byAlt = keepTop(byAlt, e, n)
			}
		}
		for _, group := range [][]entry{byName, byAlt} {
			for _, e := range group {
				c.add(hit{e.place, e.alt, Prefix, rank})
			}
			rank++
		}
	}
	if len(c.rs) < n && k.skel != "" {
		lo, hi := g.span(g.skels, k.skel, false)
		for _, e := range g.skels[lo:hi] {
			c.add(hit{e.place, e.alt, Similar, 0})
		}
	}
	return c.sorted(g, n)
}

// keepTop adds e to top, which holds at most n entries of distinct places,
// the lowest place indices seen so far, in order.
func keepTop(top []entry, e entry, n int) []entry {
	if len(top) == n && e.place >= top[n-1].place {
		return top
	}
	i, found := slices.BinarySearchFunc(top, e.place, func(t entry, p int32) int { return cmp.Compare(t.place, p) })
	if found {
		return top
	}
	top = slices.Insert(top, i, e)
	return top[:min(len(top), n)]
}

// whole adds to c the places whose keys equal the query's, in country cc;
// with weak unset, not those matched by a machine romanization only ("latak"
// is La Tuque, Québec, in Arabic: no one typing "Latak" means it).
func (g *Gazetteer) whole(c *collector, k keys, cc string, weak bool) {
	if k.full == "" {
		return
	}
	try := func(list []entry, key string, m func(entry) Match) {
		if key == "" {
			return
		}
		lo, hi := g.span(list, key, false)
		for _, e := range list[lo:hi] {
			if (cc == "" || g.places[e.place].Country == cc) && (weak || e.alt&weakFlag == 0) {
				c.add(hit{e.place, e.alt, m(e), 0})
			}
		}
	}
	try(g.words, k.full, func(e entry) Match {
		if e.alt&bareFlag != 0 {
			return Article
		}
		return Exact
	})
	try(g.words, k.bare, func(entry) Match { return Article })
	try(g.skels, k.skel, func(entry) Match { return Similar })
}

// collector gathers the best match of each place.
type collector struct {
	rs  []hit
	pos map[int32]int
}

// hit is one place found: the spelling that matched, how, and for a Prefix
// match its group's rank in Suggest's order.
type hit struct {
	place int32
	alt   uint16
	m     Match
	rank  int
}

func (c *collector) has(p int32) bool { _, ok := c.pos[p]; return ok }

// add records h unless the place has a better hit already.
func (c *collector) add(h hit) {
	h.alt &= altMask
	i, ok := c.pos[h.place]
	if !ok {
		if c.pos == nil {
			c.pos = map[int32]int{}
		}
		c.pos[h.place] = len(c.rs)
		c.rs = append(c.rs, h)
		return
	}
	old := c.rs[i]
	if cmp.Or(cmp.Compare(h.m, old.m), cmp.Compare(h.rank, old.rank), cmp.Compare(min(h.alt, 1), min(old.alt, 1))) < 0 {
		c.rs[i] = h
	}
}

// sorted returns the hits as results, best first, at most n of them (all
// when n < 0).
func (c *collector) sorted(g *Gazetteer, n int) []Result {
	slices.SortFunc(c.rs, func(a, b hit) int {
		pa, pb := g.places[a.place].Population, g.places[b.place].Population
		if a.m == Prefix && b.m == Prefix {
			// A whole alternate name is as good as the name ("Palmyra"),
			// but the start of one is a guess: Suggest ranked the groups.
			return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.place, b.place))
		}
		return cmp.Or(cmp.Compare(a.m, b.m), cmp.Compare(pb, pa),
			cmp.Compare(min(a.alt, 1), min(b.alt, 1)), cmp.Compare(a.place, b.place))
	})
	if n >= 0 && len(c.rs) > n {
		c.rs = c.rs[:n]
	}
	rs := make([]Result, len(c.rs))
	for i, h := range c.rs {
		p := g.places[h.place]
		rs[i] = Result{Place: p, Match: h.m, Spelling: p.Name}
		if h.alt > 0 {
			if alts := p.Alternates(); int(h.alt) <= len(alts) {
				rs[i].Spelling = alts[h.alt-1]
			}
		}
	}
	return rs
}
