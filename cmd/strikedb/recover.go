package main

import (
	"context"
	"fmt"
	"io"

	"github.com/strikemap/strikemap/data"
)

// runRecover undoes the change a stopped program left half-done in a database, which
// otherwise cannot be opened for reading.
func runRecover(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("recover")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	path := fs.Arg(0)
	undone, err := data.Recover(ctx, path)
	if err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	if !undone {
		fmt.Fprintf(stdout, "%s has no unfinished change; nothing to do\n", path)
		return nil
	}
	fmt.Fprintf(stdout, "undid the unfinished change in %s; it is as it was before that change began\n", path)
	return nil
}
