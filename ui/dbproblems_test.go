package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
)

func TestFilterProblem(t *testing.T) {
	for name, tc := range map[string]struct {
		err  error
		want []string // in the warning; none: no warning
	}{
		"none":    {},
		"locked":  {err: fmt.Errorf("search: %w", data.ErrLocked), want: []string{"Filter not applied", "locked", "events.db"}},
		"damaged": {err: fmt.Errorf("x: %w", data.ErrCorrupt), want: []string{"events.db is damaged"}},
		"other":   {err: errors.New("fts5: something"), want: []string{"Filter not applied: fts5: something"}},
	} {
		t.Run(name, func(t *testing.T) {
			got := filterProblem("/home/a/events.db", tc.err)
			if len(tc.want) == 0 && got != "" {
				t.Errorf("warns %q without an error", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q does not say %q", got, w)
				}
			}
		})
	}
}
