package main

import (
	"context"
	"fmt"
	"io"

	"github.com/strikemap/strikemap/data"
)

func runSample(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("sample")
	out := fs.String("o", "", "database to write")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *out == "" {
		return &exitError{2, "sample: -o OUT.db is required"}
	}
	return data.WriteSample(ctx, *out)
}

// maxProblems bounds what check prints, so a badly damaged file does not flood the terminal.
const maxProblems = 200

func runCheck(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("check")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	path := fs.Arg(0)
	n := 0
	err := data.Check(ctx, path, func(p string) {
		n++
		if n <= maxProblems {
			fmt.Fprintf(stdout, "%s: %s\n", path, oneLine(p))
		}
	})
	if err != nil {
		return err
	}
	if n > maxProblems {
		fmt.Fprintf(stdout, "%s: … and %d more problems\n", path, n-maxProblems)
	}
	if n > 0 {
		return fmt.Errorf("%s: %d problem(s) found", path, n)
	}
	return nil
}
