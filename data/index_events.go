package data

import (
	"context"
	"encoding/json"
	"fmt"
)

// EventsByID returns the stored events with the given ids, with their claims, in the
// order of ids: the rows an event list shows, fetched a screenful at a time. Ids with no
// stored event are left out. An event that breaks the model's rules comes as far as it
// could be read, as Events gives it; `strikedb check` names its problems.
func (db *DB) EventsByID(ctx context.Context, ids []int64) ([]*Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids) // one parameter however many ids: no limit on variables
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Event, len(ids))
	query := eventsQuery + ` WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id, c.id`
	for e, err := range db.events(ctx, query, string(list)) {
		if e == nil {
			return nil, fmt.Errorf("%s: events by id: %w", db.path, err)
		}
		byID[e.ID] = e
	}
	out := make([]*Event, 0, len(ids))
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}
