package tiles

import (
	"errors"
	"time"
)

// A failed tile is tried again after 2 s, then 4 s, 8 s … up to 10 min.
const (
	backoffBase = 2 * time.Second
	backoffMax  = 10 * time.Minute
)

// backoff is the wait after the n-th consecutive failure (n ≥ 1).
func backoff(n int) time.Duration {
	if n < 1 {
		n = 1
	}
	if n > 20 {
		return backoffMax
	}
	return min(backoffMax, backoffBase<<(n-1))
}

// failure is what is remembered about a tile that failed.
type failure struct {
	n      int       // consecutive failures
	until  time.Time // not tried again before
	err    error
	logged bool
}

// next records one more failure at now, waiting at least until floor.
func (f *failure) next(err error, now, floor time.Time) {
	f.n++
	f.err = err
	f.until = now.Add(backoff(f.n))
	if floor.After(f.until) {
		f.until = floor
	}
}

// retryError carries the time a server or a backoff allows the next try,
// so a Cache above an XYZ source waits as long as the source does.
type retryError struct {
	err error
	at  time.Time
}

func (e *retryError) Error() string { return e.err.Error() }
func (e *retryError) Unwrap() error { return e.err }

// retryAt returns when a failed fetch may be tried again, if err says.
func retryAt(err error) time.Time {
	var re *retryError
	if errors.As(err, &re) {
		return re.at
	}
	return time.Time{}
}
