package ui

import (
	"errors"
	"path/filepath"
	"time"

	"github.com/strikemap/strikemap/data"
)

// slowRead is how long reading an event may take before the details panel says it is
// waiting: lookups by id take milliseconds unless another program holds a lock.
const slowRead = 300 * time.Millisecond

// readProblem says, for the details panel, why the event at a click could not be read
// from the database at path, and what to do about it.
func readProblem(path string, err error) string {
	name := filepath.Base(path)
	switch {
	case errors.Is(err, data.ErrLocked):
		return "Could not read this event: another program has locked " + name +
			" while it changes it. Select the event again once it has finished."
	case errors.Is(err, data.ErrGone):
		return "Could not read this event: " + name + " has been removed or moved since it was opened. " +
			"Open it again from File → Open."
	case errors.Is(err, data.ErrNotFound):
		return "This event is no longer in " + name + ": the file was changed since it was opened. Open it again to see it as it is now."
	case errors.Is(err, data.ErrCorrupt):
		return "Could not read this event: " + name + " is damaged (" + err.Error() + ")."
	}
	return "Could not read this event from " + name + ": " + err.Error()
}

// filterProblem is the status bar's warning for a filter that could not be applied to
// the database at path, the map showing the last one that could; "" for no error.
func filterProblem(path string, err error) string {
	name := filepath.Base(path)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, data.ErrLocked):
		return "Filter not applied: another program has locked " + name + "; change the filter again once it has finished"
	case errors.Is(err, data.ErrCorrupt):
		return "Filter not applied: " + name + " is damaged"
	}
	return "Filter not applied: " + err.Error()
}

// goneText is the status bar's warning for a database whose file is gone, which the
// app goes on reading from the file it holds open; "" when the file is there.
func goneText(path string, gone bool) string {
	if !gone {
		return ""
	}
	return "Database: " + filepath.Base(path) + " was removed or moved while open; reopen it to see it as it is now"
}
