package data

import sqlite3 "modernc.org/sqlite/lib"

// Claims are read without their sources, which are looked up afterwards, a chunk's at
// once, through a cache the readers share (export_sources.go): SQLite joining them costs
// a seek per claim into wherever the source happens to lie, more than all the rest.
const (
	chunkClaimsQuery = `SELECT event_id, id, claimant, stance, text, killed, civilians,
		combatants, injured, claimed_on, source_id FROM claims
		WHERE event_id BETWEEN ? AND ? ORDER BY event_id, id`
	// sourcesQuery reads the sources whose ids a JSON array lists, all in one query,
	// which spares SQLite setting a query up for each.
	sourcesQuery = `SELECT s.id, s.publisher, s.title, s.url, s.published, s.author, s.language
		FROM json_each(?) j JOIN sources s ON s.id = j.value`
	// maxSources is how many sources an export keeps at hand, about 60 MB of them.
	maxSources = 1 << 18
	// oneClaimQuery reads a claim that does not fit the fast way, as DB.Events does.
	oneClaimQuery = `SELECT c.event_id, c.id, c.claimant, c.stance, c.text, c.killed,
		c.civilians, c.combatants, c.injured, c.claimed_on, s.id, s.publisher, s.title, s.url,
		s.published, s.author, s.language FROM claims c LEFT JOIN sources s ON s.id = c.source_id
		WHERE c.id = ?`
	chunkClaimColumns = 17
)

// pendingClaim is a claim read the fast way whose source is still to be found.
type pendingClaim struct {
	at     int // index in the chunk's claims
	event  int // index of its event in the chunk
	source int64
}

// readClaims reads the claims of events lo to hi and gives each to its event in got.
func (r *chunkReader) readClaims(lo, hi int64, got []scannedEvent, slow []rowReader) error {
	if err := r.claims.rebind(lo, hi); err != nil {
		return err
	}
	f := fastReader{s: r.claims, texts: r.texts}
	var claims []Claim // every claim of the chunk; events get slices of it at the end
	starts := make([]int, len(got)+1)
	r.pending = r.pending[:0]
	k := 0
	for {
		more, err := r.claims.next()
		if err != nil {
			return err
		}
		if !more {
			break
		}
		id := r.claims.int64(0)
		for k < len(got) && got[k].e.ID < id {
			k++
			starts[k] = len(claims)
		}
		if k == len(got) || got[k].e.ID != id {
			continue // a claim of a missing event: Check says so
		}
		var c Claim
		if len(slow[k].errs) == 0 && f.claim(&c) && r.claims.kind(10) == sqlite3.SQLITE_INTEGER {
			r.pending = append(r.pending, pendingClaim{len(claims), k, r.claims.int64(10)})
		} else if c, err = r.slowClaim(r.claims.int64(1), &slow[k]); err != nil {
			return err
		}
		claims = append(claims, c)
	}
	for k < len(got) {
		k++
		starts[k] = len(claims)
	}
	if err := r.giveSources(claims, slow); err != nil {
		return err
	}
	for i := range got {
		if a, b := starts[i], starts[i+1]; b > a {
			got[i].e.Claims = claims[a:b:b]
		}
	}
	return nil
}

// slowClaim reads a claim by id as DB.Events does, noting its problems in rr.
func (r *chunkReader) slowClaim(id int64, rr *rowReader) (Claim, error) {
	if err := r.claim.rebind(id); err != nil {
		return Claim{}, err
	}
	more, err := r.claim.next()
	if err != nil || !more {
		return Claim{}, err
	}
	c := rr.claim(r.claim.int64(0), r.values(r.claim, chunkClaimColumns)[1:])
	if len(rr.errs) == 0 {
		rr.errs = append(rr.errs, nil) // marks the event as read the slow way
	}
	return c, nil
}
