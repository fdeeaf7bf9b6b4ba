package data

import (
	"context"
	"database/sql"
	"net/url"
)

// CreateAtVersion writes a database at schema version v, as an older Strikemap left it,
// so tests can open it with this one.
func CreateAtVersion(ctx context.Context, path string, v int) error {
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		return err
	}
	defer sdb.Close()
	return migrate(ctx, sdb, 0, v)
}
