package gazetteer

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/strikemap/strikemap/geo/places"
)

// Gazetteer finds places by name. Its index is built lazily, once, on first
// use; a Gazetteer is safe for concurrent use.
type Gazetteer struct {
	places []places.Place
	once   sync.Once
	ready  atomic.Bool
	keys   string  // every key, back to back; entries point into it
	words  []entry // full and bare keys, sorted by key then place
	skels  []entry // skeleton keys, sorted the same way
}

// entry is one key of one spelling of one place.
type entry struct {
	off   uint32 // key is keys[off : off+n]
	n     uint16
	alt   uint16 // 0 the place's name, i+1 its i-th alternate, with bareFlag and weakFlag
	place int32  // index into places; lower is more populous
}

const (
	bareFlag = 1 << 15 // the key drops the Arabic article
	weakFlag = 1 << 14 // the spelling is a machine romanization; see isWeak
	altMask  = weakFlag - 1
	maxKey   = math.MaxUint16
)

// New returns a gazetteer over ps, which must come largest population first
// (as places.All does) and must not be modified afterwards.
func New(ps []places.Place) *Gazetteer {
	return &Gazetteer{places: ps}
}

var world = sync.OnceValue(func() *Gazetteer { return New(places.All()) })

// World returns the gazetteer over every place in the embedded GeoNames
// table (geo/places), shared by the package-level functions.
func World() *Gazetteer { return world() }

// Warm builds the index now rather than on the first lookup, so a caller
// can pay for it off the UI goroutine.
func (g *Gazetteer) Warm() { g.once.Do(g.build) }

// Ready reports whether the index is built, so that lookups answer at once;
// a UI asks before searching on its own goroutine.
func (g *Gazetteer) Ready() bool { return g.ready.Load() }

func (g *Gazetteer) build() {
	var arena []byte
	seen := map[string]int{} // key → index in words, for the place being indexed
	add := func(list *[]entry, key []byte, i int, alt uint16) {
		if len(key) == 0 || len(key) > maxKey || len(arena)+len(key) > math.MaxUint32 {
			return
		}
		if list == &g.words {
			if j, ok := seen[string(key)]; ok {
				// The same key from two spellings: keep the better one, a
				// spelling's own form over one with its article dropped,
				// a proper name over a machine romanization.
				if better(alt, g.words[j].alt) {
					g.words[j].alt = alt
				}
				return
			}
			seen[string(key)] = len(g.words)
		}
		*list = append(*list, entry{off: uint32(len(arena)), n: uint16(len(key)), alt: alt, place: int32(i)})
		arena = append(arena, key...)
	}
	skelSeen := map[string]bool{}
	var f folder
	for i, p := range g.places {
		clear(seen)
		clear(skelSeen)
		for j, s := range spellings(p) {
			if j > altMask || j > 0 && isCode(s) {
				continue
			}
			full, bare, skel := f.fold(s)
			alt := uint16(j)
			if j > 0 && isWeak(s) {
				// Only an exact match: as a prefix or a skeleton these
				// would make "R" suggest Lagos ("ragosu").
				add(&g.words, full, i, alt|weakFlag)
				continue
			}
			add(&g.words, full, i, alt)
			add(&g.words, bare, i, alt|bareFlag)
			if len(skel) > 0 && !skelSeen[string(skel)] {
				skelSeen[string(skel)] = true
				add(&g.skels, skel, i, alt)
			}
		}
	}
	g.keys = string(arena)
	byKey := func(a, b entry) int {
		return cmp.Or(strings.Compare(g.key(a), g.key(b)), cmp.Compare(a.place, b.place))
	}
	slices.SortFunc(g.words, byKey)
	slices.SortFunc(g.skels, byKey)
	g.ready.Store(true)
}

// spellings returns the place's name followed by its alternate names, so
// that index j is what entry.alt records.
func spellings(p places.Place) []string {
	return append([]string{p.Name}, p.Alternates()...)
}

// better reports whether a key from spelling a should replace the same key
// from spelling b: a spelling's own form beats one without its article, a
// proper name beats a machine romanization.
func better(a, b uint16) bool {
	return a&bareFlag < b&bareFlag || a&bareFlag == b&bareFlag && a&weakFlag < b&weakFlag
}

// isWeak reports whether an alternate name starts with a lower-case Latin
// letter: GeoNames' machine romanizations of Japanese, Korean and Chinese
// names ("ragosu" for Lagos, "maisoleu" for Mysore) do, proper names do not.
func isWeak(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) && unicode.Is(unicode.Latin, r)
}

// isCode reports whether an alternate name is an airport code (IATA "DEZ",
// ICAO "OSDZ"), which GeoNames lists among the names: as a key it would put
// Deir ez-Zor ahead of every town whose name starts "Dez".
func isCode(s string) bool {
	if len(s) < 3 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (g *Gazetteer) key(e entry) string { return g.keys[e.off : e.off+uint32(e.n)] }

// span returns the range of list whose keys equal key, or start with it
// when prefix is set.
func (g *Gazetteer) span(list []entry, key string, prefix bool) (lo, hi int) {
	lo, _ = slices.BinarySearchFunc(list, key, func(e entry, k string) int {
		return strings.Compare(g.key(e), k)
	})
	hi, _ = slices.BinarySearchFunc(list[lo:], key, func(e entry, k string) int {
		ek := g.key(e)
		if prefix && strings.HasPrefix(ek, k) || ek == k {
			return -1
		}
		return 1
	})
	return lo, lo + hi
}
