package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"

	"github.com/strikemap/strikemap/assets"
)

// Sample returns the bundled sample's events, decoded and with their casualty ranges
// derived from their claims.
func Sample() ([]Event, error) {
	var events []Event
	err := ReadGeoJSON(bytes.NewReader(assets.SampleGeoJSON), func(n int, e *Event) error {
		want := e.Killed
		wantCiv := e.Civilians
		e.Derive()
		if e.Killed != want || e.Civilians != wantCiv {
			return fmt.Errorf("sample feature %d (%s): casualty ranges do not match its claims", n, e.UID)
		}
		if err := e.Validate(); err != nil {
			return fmt.Errorf("sample feature %d (%s): %w", n, e.UID, err)
		}
		events = append(events, *e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bundled sample: %w", err)
	}
	return events, nil
}

// WriteSample writes the bundled sample as a new database at path.
func WriteSample(ctx context.Context, path string) error {
	events, err := Sample()
	if err != nil {
		return err
	}
	return Create(ctx, path, func(db *DB) error {
		return db.Write(ctx, func(w *Writer) error {
			for i := range events {
				if _, err := w.Add(ctx, &events[i]); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// EnsureSample returns the path of the bundled sample as a database in dir, writing it
// first if this build's sample is not there yet. The name carries the schema version and
// a hash of the sample, so a newer build never opens a sample an older one left behind:
// a read-only open of an older schema would be refused.
func EnsureSample(ctx context.Context, dir string) (string, error) {
	sum := sha256.Sum256(assets.SampleGeoJSON)
	path := filepath.Join(dir, fmt.Sprintf("sample-v%d-%x.db", SchemaVersion, sum[:6]))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return path, WriteSample(ctx, path)
}
