package data

import (
	"fmt"
	"testing"
)

func TestSourceIDsForgetTheOldestAndKnowWhatIsNew(t *testing.T) {
	c := newSourceIDs()
	// Keys made to fall in one bucket: a third one pushes out the first.
	k := func(i uint64) sourceKey { return sourceKey{7, i} }
	for i := uint64(1); i <= 3; i++ {
		c.put(k(i), int64(i))
	}
	if _, ok := c.get(k(1)); ok {
		t.Error("the oldest of a full bucket is still there")
	}
	for i := uint64(2); i <= 3; i++ {
		if id, ok := c.get(k(i)); !ok || id != int64(i) {
			t.Errorf("get(%d) = %d, %v", i, id, ok)
		}
	}
	if !c.mayHave(k(1)) {
		t.Error("the filter forgot a source pushed out of the table")
	}
	never := 0
	for i := range 1000 {
		if !c.mayHave(c.key(Source{Title: fmt.Sprint("never put ", i)})) {
			never++
		}
	}
	if never < 990 {
		t.Errorf("the filter may have %d of 1000 sources never put", 1000-never)
	}
}
