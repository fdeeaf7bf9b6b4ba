package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

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
// first if this build's sample is not there yet. The name carries a hash of the sample
// and the schema version, so a newer build never shows an older sample.
func EnsureSample(ctx context.Context, dir string) (string, error) {
	sum := sha256.Sum256(append([]byte(strconv.Itoa(SchemaVersion)+"\n"), assets.SampleGeoJSON...))
	path := filepath.Join(dir, fmt.Sprintf("sample-%x.db", sum[:6]))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return path, WriteSample(ctx, path)
}
