package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/strikemap/strikemap/data"
)

func runGen(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("gen")
	n := fs.Int("n", 0, "number of events")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("o", "", "database to write")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *out == "" || *n <= 0 {
		return &exitError{2, "gen: -n N (at least 1) and -o OUT.db are required"}
	}
	start := time.Now()
	progress := func(done int) {
		fmt.Fprintf(os.Stderr, "\rgen: %d of %d events", done, *n)
	}
	if fi, err := os.Stderr.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		progress = nil // not a terminal: no carriage-return noise in logs
	}
	if err := data.Generate(ctx, *out, *n, *seed, progress); err != nil {
		return err
	}
	if progress != nil {
		fmt.Fprintln(os.Stderr)
	}
	fmt.Fprintf(stdout, "wrote %d events to %s in %.1f s\n", *n, *out, time.Since(start).Seconds())
	return nil
}
