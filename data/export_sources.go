package data

import (
	"slices"
	"strconv"
	"sync"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// giveSources finds the sources of the pending claims, reading those not in the cache
// in one query; a claim whose source is missing or does not fit is read the slow way.
func (r *chunkReader) giveSources(claims []Claim, slow []rowReader) error {
	found := r.found[:0]
	var want []int64
	r.cache.mu.Lock()
	for _, p := range r.pending {
		s, ok := r.cache.get(p.source)
		if !ok {
			want = append(want, p.source)
		}
		found = append(found, s)
	}
	r.cache.mu.Unlock()
	r.found = found
	if len(want) > 0 {
		slices.Sort(want)
		got, err := r.readSources(slices.Compact(want))
		if err != nil {
			return err
		}
		r.cache.mu.Lock()
		for i, p := range r.pending {
			if found[i] == nil {
				found[i] = got[p.source]
				r.cache.put(p.source, found[i])
			}
		}
		r.cache.mu.Unlock()
	}
	for i, p := range r.pending {
		if s := found[i]; s != nil {
			claims[p.at].Source = *s
			continue
		}
		c, err := r.slowClaim(claims[p.at].ID, &slow[p.event])
		if err != nil {
			return err
		}
		claims[p.at] = c
	}
	return nil
}

// readSources reads the sources with the given ids; nil for one that does not fit.
func (r *chunkReader) readSources(ids []int64) (map[int64]*Source, error) {
	list := make([]byte, 0, 8*len(ids)+2)
	for i, id := range ids {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
	}
	if err := r.source.rebindText("[" + string(list) + "]"); err != nil {
		return nil, err
	}
	f := fastReader{s: r.source, texts: r.texts}
	got := make(map[int64]*Source, len(ids))
	for {
		more, err := r.source.next()
		if err != nil || !more {
			return got, err
		}
		id := r.source.int64(0)
		f.bad = false
		s := &Source{ID: id, Publisher: f.word(1), Title: f.word(2), URL: f.str(3),
			Published: f.date(4), Author: f.word(5), Language: f.word(6)}
		if f.bad {
			s = nil
		}
		got[id] = s
	}
}

// rebindText resets s to run again with the text t as its one parameter.
func (s *scanStmt) rebindText(t string) error {
	sqlite3.Xsqlite3_reset(s.c.tls, s.st)
	p, err := libc.CString(t)
	if err != nil {
		return err
	}
	defer libc.Xfree(s.c.tls, p)
	if rc := sqlite3.Xsqlite3_bind_text(s.c.tls, s.st, 1, p, int32(len(t)), sqlite3.SQLITE_TRANSIENT); rc != sqlite3.SQLITE_OK {
		return s.c.err(rc)
	}
	return nil
}

// sourceCache holds the sources an export read last, for all its readers: claims of
// later events often cite them again. Two generations make it nearly an LRU cache
// without a list to keep in order. Its user holds mu.
type sourceCache struct {
	mu       sync.Mutex
	cur, old map[int64]*Source
}

func newSourceCache() *sourceCache {
	return &sourceCache{cur: map[int64]*Source{}, old: map[int64]*Source{}}
}

// get returns the source with the given id, if cached; nil, true for one that did not fit.
func (c *sourceCache) get(id int64) (*Source, bool) {
	if s, ok := c.cur[id]; ok {
		return s, true
	}
	s, ok := c.old[id]
	if ok {
		c.put(id, s)
	}
	return s, ok
}

func (c *sourceCache) put(id int64, s *Source) {
	if len(c.cur) >= maxSources/2 {
		c.old, c.cur = c.cur, make(map[int64]*Source, maxSources/2)
	}
	c.cur[id] = s
}
