package overlay

import "testing"

func TestAppendCount(t *testing.T) {
	for name, tc := range map[string]struct {
		n    int
		want string
	}{
		"a few":            {7, "7"},
		"hundreds":         {312, "312"},
		"just under 1k":    {999, "999"},
		"a thousand":       {1000, "1.0k"},
		"thousands":        {4250, "4.2k"},
		"just under 10k":   {9999, "9.9k"},
		"tens of thousand": {87_654, "87k"},
		"a million":        {1_000_000, "1.0M"},
		"millions":         {12_345_678, "12.3M"},
		"absurd":           {5_000_000_000, "1G+"},
	} {
		t.Run(name, func(t *testing.T) {
			got := appendCount(nil, tc.n)
			if string(got) != tc.want || len(got) > 7 {
				t.Errorf("appendCount(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}
