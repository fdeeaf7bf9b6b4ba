package tiles

import "time"

// wakeSlack is how long after a failed tile's wait ends the map is told to draw
// again, so that by then the wait is over by the Cache's clock too.
const wakeSlack = 100 * time.Millisecond

// Problem says, in words for a person, what keeps tiles from loading or being kept
// now, or nil: the source's own account when it is a Reporter, else the last failure
// until a tile loads. Tiles a source does not have are no problem.
func (c *Cache) Problem() error {
	if r, ok := c.src.(Reporter); ok {
		return r.Problem()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastErr
}

// noticeProblem calls OnChange when Problem says something else than it last did.
func (c *Cache) noticeProblem() {
	if c.opt.OnChange == nil {
		return
	}
	msg := ""
	if p := c.Problem(); p != nil {
		msg = p.Error()
	}
	c.mu.Lock()
	changed := msg != c.said && !c.closed
	c.said = msg
	c.mu.Unlock()
	if changed {
		c.opt.OnChange()
	}
}

// wakeLocked arranges for OnChange to be called once a failed tile may be asked for
// again at at, so that a map on screen asks for it anew and recovers by itself when
// the fault ends. One timer serves every failure; it is only ever moved earlier, and
// when it fires it is set for the next failure due. c.mu is held.
func (c *Cache) wakeLocked(at time.Time) {
	if c.opt.OnChange == nil || c.closed {
		return
	}
	if c.timer != nil && !at.Before(c.wakeAt) {
		return
	}
	if c.timer != nil {
		c.timer.Stop()
	}
	c.wakeAt = at
	c.timer = time.AfterFunc(max(0, at.Sub(c.opt.Now()))+wakeSlack, func() { c.wakeUp(at) })
}

// wakeUp is the timer set for at firing.
func (c *Cache) wakeUp(at time.Time) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	if c.wakeAt.Equal(at) { // not a timer stopped too late
		c.timer = nil
		now, next := c.opt.Now(), time.Time{}
		for _, f := range c.failed {
			if f.until.After(now) && (next.IsZero() || f.until.Before(next)) {
				next = f.until
			}
		}
		if !next.IsZero() {
			c.wakeLocked(next)
		}
	}
	c.mu.Unlock()
	c.opt.OnChange()
}
