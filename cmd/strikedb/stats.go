package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/strikemap/strikemap/data"
)

// statsTop is how many values of each column stats lists before summing the rest.
const statsTop = 8

func runStats(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("stats")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	db, err := data.Open(ctx, fs.Arg(0), data.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	size := int64(0)
	if fi, err := os.Stat(fs.Arg(0)); err == nil {
		size = fi.Size()
	}
	fmt.Fprintf(stdout, "%s: %d events, %d claims, %d sources, %.1f MB\n", fs.Arg(0), st.Events, st.Claims, st.Sources, float64(size)/1e6)
	if st.Events > 0 {
		fmt.Fprintf(stdout, "dates: %s to %s\n", st.First, st.Last)
	}
	for _, b := range st.Breakdowns {
		fmt.Fprintf(stdout, "%s:\n", b.Column)
		var rest int64
		for i, vc := range b.Counts {
			if i >= statsTop {
				rest += vc.N
				continue
			}
			v := vc.Value
			if v == "" {
				v = "(none)"
			}
			fmt.Fprintf(stdout, "  %-28s %9d  %5.1f%%\n", v, vc.N, 100*float64(vc.N)/float64(st.Events))
		}
		if rest > 0 {
			fmt.Fprintf(stdout, "  %-28s %9d  %5.1f%%\n", fmt.Sprintf("(%d others)", len(b.Counts)-statsTop), rest, 100*float64(rest)/float64(st.Events))
		}
	}
	return nil
}
