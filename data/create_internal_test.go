package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Create writes without checking foreign keys row by row, so it checks them all at the
// end: a claim of no event leaves no file.
func TestCreateChecksForeignKeysAtTheEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.db")
	err := Create(context.Background(), path, func(db *DB) error {
		_, err := db.sql.Exec(`INSERT INTO sources (publisher) VALUES ('p');
			INSERT INTO claims (event_id, source_id, claimant, stance) VALUES (99, 1, 'x', 'claims')`)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "claims row 1 points at a missing events row") {
		t.Fatalf("Create of a claim of no event: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a failed Create left %s (%v)", path, err)
	}
}
