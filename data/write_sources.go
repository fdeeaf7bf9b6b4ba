package data

import (
	"context"
	"database/sql"
	"errors"
	"hash/maphash"
)

// sourceID finds s among the stored sources, or stores it, so that claims found in the
// same article share one row.
func (w *Writer) sourceID(ctx context.Context, s Source) (int64, error) {
	s.ID = 0
	key := w.known.key(s)
	if id, ok := w.known.get(key); ok {
		return id, nil
	}
	args := []any{nullText(s.Publisher), nullText(s.Title), nullText(s.URL), s.Published, nullText(s.Author), nullText(s.Language)}
	var id int64
	err := sql.ErrNoRows
	if !w.fresh || w.known.mayHave(key) {
		err = w.findSrc.QueryRowContext(ctx, args[1], args[0], args[3], args[2], args[4], args[5]).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		var res sql.Result
		if res, err = w.source.ExecContext(ctx, args...); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, err
	}
	w.known.put(key, id)
	return id, nil
}

// sourceIDs remembers the ids of the sources a Writer stored or found, by a 128-bit hash
// of their values, in a table of fixed size, so that memory stays flat however many
// sources a file holds: a source pushed out is looked up again. Beside it a Bloom filter
// remembers every source put, so that in a database that was empty a source it has not
// seen is known to be new without a look-up; most sources of a bulk load are new, and
// looking each up first cost a third of the load.
type sourceIDs struct {
	seeds [2]maphash.Seed
	slots []sourceSlot // sourceWays slots per bucket
	bloom []uint64
}

// sourceKey is a source's 128-bit hash: two sources that differ share one by chance once
// in 2^128 pairs, which no file comes near.
type sourceKey [2]uint64

type sourceSlot struct {
	key sourceKey
	id  int64 // 0: empty
}

const (
	sourceSlots = 1 << 20 // 24 MB
	sourceWays  = 2
	bloomBits   = 1 << 26 // 8 MB: for a million sources, "may have" of a new one once in 7,000
)

func newSourceIDs() *sourceIDs {
	return &sourceIDs{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		slots: make([]sourceSlot, sourceSlots), bloom: make([]uint64, bloomBits/64)}
}

func (c *sourceIDs) key(s Source) sourceKey {
	return sourceKey{maphash.Comparable(c.seeds[0], s), maphash.Comparable(c.seeds[1], s)}
}

// bucket returns the slots k may be kept in.
func (c *sourceIDs) bucket(k sourceKey) []sourceSlot {
	b := int(k[0]%(sourceSlots/sourceWays)) * sourceWays
	return c.slots[b : b+sourceWays]
}

func (c *sourceIDs) get(k sourceKey) (int64, bool) {
	for _, s := range c.bucket(k) {
		if s.id != 0 && s.key == k {
			return s.id, true
		}
	}
	return 0, false
}

// put remembers k's id, in place of the older of its bucket's slots when both are taken.
func (c *sourceIDs) put(k sourceKey, id int64) {
	b := c.bucket(k)
	copy(b[1:], b[:len(b)-1])
	b[0] = sourceSlot{k, id}
	a, d := k[1]&0xffffffff, k[1]>>32|1
	for i := range uint64(3) {
		bit := (a + i*d) % bloomBits
		c.bloom[bit/64] |= 1 << (bit % 64)
	}
}

// mayHave is false when k was certainly never put.
func (c *sourceIDs) mayHave(k sourceKey) bool {
	a, d := k[1]&0xffffffff, k[1]>>32|1
	for i := range uint64(3) {
		if bit := (a + i*d) % bloomBits; c.bloom[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}
