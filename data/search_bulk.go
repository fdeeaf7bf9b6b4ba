package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
)

// The first Write of a database that Create is making builds the search index beside it,
// in a file of its own on a second connection and goroutine, and moves it in once it
// commits: for a million generated events FTS5 spends some 20 s on their words, 40% on
// top of storing them, and this way a second core does it alongside instead of after.
// The index is a set of ordinary tables (events_fts_data, _idx and _config), so copying
// their rows into the database's empty events_fts, declared the same way, moves it whole.

// searchSide is the file beside a database under construction that holds its index.
func searchSide(path string) string { return path + "-search" }

// sideIndex builds events_fts in the side file from the documents its writer sends.
type sideIndex struct {
	sdb  *sql.DB
	tx   *sql.Tx
	docs chan searchDoc
	done chan error
	err  error // the goroutine's error, once done has delivered it
}

// searchDoc is one event's words: its id and its searchColumns.
type searchDoc struct {
	id   int64
	cols [6]string
}

// startSide opens (or creates) the side file of the database file main, declares in it
// the events_fts of main, and starts indexing what add sends, in one transaction.
func startSide(ctx context.Context, q querier, main string) (*sideIndex, error) {
	var ddl string
	if err := q.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'events_fts'`).Scan(&ddl); err != nil {
		return nil, err
	}
	v := url.Values{}
	v.Add("_pragma", "journal_mode(OFF)")
	v.Add("_pragma", "synchronous(OFF)")
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: searchSide(main), RawQuery: v.Encode()}).String())
	if err != nil {
		return nil, err
	}
	sdb.SetMaxOpenConns(1)
	s := &sideIndex{sdb: sdb, docs: make(chan searchDoc, 1024), done: make(chan error, 1)}
	var n int
	err = sdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'events_fts'`).Scan(&n)
	if err == nil && n == 0 {
		_, err = sdb.ExecContext(ctx, ddl)
	}
	if err == nil {
		_, err = sdb.ExecContext(ctx, `INSERT INTO events_fts (events_fts, rank) VALUES ('hashsize', ?)`, bulkSearchBuffer)
	}
	if err == nil {
		s.tx, err = sdb.BeginTx(ctx, nil)
	}
	var ins *sql.Stmt
	if err == nil {
		ins, err = s.tx.PrepareContext(ctx, insertSearch)
	}
	if err != nil {
		sdb.Close()
		return nil, fmt.Errorf("search index: %w", err)
	}
	go func() {
		var err error
		for d := range s.docs {
			if err == nil { // after a failure, drain the channel so add never blocks
				_, err = ins.ExecContext(ctx, d.id, d.cols[0], d.cols[1], d.cols[2], d.cols[3], d.cols[4], d.cols[5])
			}
		}
		ins.Close()
		s.done <- err
	}()
	return s, nil
}

// add hands one event's words to the indexing goroutine.
func (s *sideIndex) add(id int64, cols [6]string) { s.docs <- searchDoc{id, cols} }

// finish waits for the goroutine and commits the side file, or rolls it back when
// commit is false or indexing failed.
func (s *sideIndex) finish(commit bool) error {
	if s.docs != nil {
		close(s.docs)
		s.docs, s.err = nil, <-s.done
	}
	err := s.err
	if commit && err == nil {
		_, err = s.tx.Exec(`INSERT INTO events_fts (events_fts, rank) VALUES ('hashsize', ?)`, 1<<20)
		if err == nil {
			err = s.tx.Commit()
		}
	} else {
		s.tx.Rollback()
	}
	if cerr := s.sdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// adoptSearch moves the index built in the side file of main into the database, whose
// events_fts must be as new. The copy goes past the virtual table; FTS5 reads what it
// needs of its tables anew in each transaction that writes it, so later writers add to
// the copied index (TestCreateMovesTheSearchIndexIn checks that they do).
func (db *DB) adoptSearch(ctx context.Context, main string) error {
	if _, err := db.sql.ExecContext(ctx, `ATTACH DATABASE ? AS side`, searchSide(main)); err != nil {
		return err
	}
	_, err := db.sql.ExecContext(ctx, `BEGIN;
		DELETE FROM main.events_fts_data; DELETE FROM main.events_fts_idx; DELETE FROM main.events_fts_config;
		INSERT INTO main.events_fts_data SELECT * FROM side.events_fts_data;
		INSERT INTO main.events_fts_idx SELECT * FROM side.events_fts_idx;
		INSERT INTO main.events_fts_config SELECT * FROM side.events_fts_config;
		COMMIT`)
	if err != nil {
		db.sql.ExecContext(ctx, `ROLLBACK`)
	}
	if _, derr := db.sql.ExecContext(ctx, `DETACH DATABASE side`); err == nil {
		err = derr
	}
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}
