package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"image"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// Sentinel errors of OpenMBTiles.
var (
	// ErrNotMBTiles means the file is not an MBTiles file: not SQLite, or
	// without its tables.
	ErrNotMBTiles = errors.New("not an MBTiles file")
	// ErrTileFormat means an MBTiles file holds tiles Strikemap cannot
	// draw: vector tiles, or images other than PNG and JPEG.
	ErrTileFormat = errors.New("unsupported tile format")
)

// formatError is an ErrTileFormat worded for a person.
type formatError struct{ msg string }

func (e *formatError) Error() string        { return e.msg }
func (e *formatError) Is(target error) bool { return target == ErrTileFormat }

// MBTilesMeta is what an MBTiles file says about itself.
type MBTilesMeta struct {
	Name             string
	Format           string    // "png" or "jpg"; "" for a file without tiles
	Attribution      string    // plain text: the HTML the spec allows is stripped
	Bounds           orb.Bound // the whole Web Mercator world when the file does not say
	MinZoom, MaxZoom maptile.Zoom
}

// MBTiles is a raster MBTiles file (spec 1.3) opened read-only: a
// tiles.Source for maps drawn from a file, offline.
type MBTiles struct {
	db   *sql.DB
	path string
	meta MBTilesMeta
}

var _ tiles.Source = (*MBTiles)(nil)

// OpenMBTiles opens the MBTiles file at path read-only. Vector (pbf)
// files and other formats are refused with an error wrapping
// ErrTileFormat; files that are not MBTiles with one wrapping
// ErrNotMBTiles or ErrCorrupt. Errors name the file.
func OpenMBTiles(path string) (*MBTiles, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := sniff(abs); err != nil {
		if errors.Is(err, ErrNotOurs) {
			// sniff words it for Strikemap databases; keep its reason only.
			return nil, fmt.Errorf("%s: %w: %s", path, ErrNotMBTiles, strings.TrimPrefix(err.Error(), ErrNotOurs.Error()+": "))
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// modernc's driver honours mode=ro only in the file: URI form.
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro"}).String())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := &MBTiles{db: sdb, path: path}
	if m.meta, err = readMBTilesMeta(context.Background(), sdb); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Close releases the file.
func (m *MBTiles) Close() error { return m.db.Close() }

// Meta returns the file's metadata.
func (m *MBTiles) Meta() MBTilesMeta { return m.meta }

// Attribution is the file's credit for its tiles.
func (m *MBTiles) Attribution() string { return m.meta.Attribution }

// ZoomRange is the zooms the file has tiles for.
func (m *MBTiles) ZoomRange() (min, max maptile.Zoom) { return m.meta.MinZoom, m.meta.MaxZoom }

// Fetch returns tile t. MBTiles count rows from the south (TMS), XYZ
// from the north: row 2^z-1-y holds XYZ tile y. A tile the file lacks is
// an error wrapping tiles.ErrNoTile; bytes that are not an image, one
// naming the tile.
func (m *MBTiles) Fetch(ctx context.Context, t maptile.Tile) (image.Image, error) {
	if !t.Valid() || t.Z < m.meta.MinZoom || t.Z > m.meta.MaxZoom {
		return nil, fmt.Errorf("%s: tile %s: %w", m.path, tiles.Name(t), tiles.ErrNoTile)
	}
	row := int64(1)<<t.Z - 1 - int64(t.Y)
	var b []byte
	err := m.db.QueryRowContext(ctx,
		`SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`,
		int64(t.Z), int64(t.X), row).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("%s: tile %s: %w", m.path, tiles.Name(t), tiles.ErrNoTile)
	case err != nil:
		return nil, fmt.Errorf("%s: tile %s: %w", m.path, tiles.Name(t), classify(err))
	}
	img, err := tiles.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: tile %s: %w", m.path, tiles.Name(t), err)
	}
	return img, nil
}

// readMBTilesMeta checks the tables and reads the metadata, filling in
// what the file leaves out from its tiles.
func readMBTilesMeta(ctx context.Context, db *sql.DB) (MBTilesMeta, error) {
	var missing []string
	for _, name := range []string{"metadata", "tiles"} {
		var n int
		err := db.QueryRowContext(ctx,
			`SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?`, name).Scan(&n)
		if err != nil {
			return MBTilesMeta{}, classify(err)
		}
		if n == 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return MBTilesMeta{}, fmt.Errorf("%w: no %s table", ErrNotMBTiles, strings.Join(missing, " or "))
	}
	kv, err := metadataValues(ctx, db)
	if err != nil {
		return MBTilesMeta{}, err
	}
	if kv["format"] == "" {
		// Older files omit format; the first tile's bytes tell.
		var b []byte
		err := db.QueryRowContext(ctx, `SELECT tile_data FROM tiles LIMIT 1`).Scan(&b)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return MBTilesMeta{}, classify(err)
		}
		kv["format"] = sniffTileFormat(b)
	}
	if kv["minzoom"] == "" || kv["maxzoom"] == "" {
		// SQLite keeps whatever a column is given: a zoom of text or a fraction
		// names no tile Fetch can ask for, and would not scan as a number.
		var lo, hi sql.NullInt64
		if err := db.QueryRowContext(ctx, `SELECT min(zoom_level), max(zoom_level) FROM tiles
			WHERE typeof(zoom_level) = 'integer'`).Scan(&lo, &hi); err != nil {
			return MBTilesMeta{}, classify(err)
		}
		if kv["minzoom"] == "" {
			kv["minzoom"] = strconv.FormatInt(lo.Int64, 10)
		}
		if kv["maxzoom"] == "" {
			kv["maxzoom"] = strconv.FormatInt(hi.Int64, 10)
		}
	}
	return ParseMBTilesMeta(kv)
}

func metadataValues(ctx context.Context, db *sql.DB) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, value FROM metadata`)
	if err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrNotMBTiles, classify(err))
	}
	defer rows.Close()
	kv := map[string]string{}
	for rows.Next() {
		var k, v sql.NullString
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("%w: metadata: %v", ErrNotMBTiles, classify(err))
		}
		kv[strings.ToLower(strings.TrimSpace(k.String))] = strings.TrimSpace(v.String)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	return kv, nil
}

// sniffTileFormat names the format of tile bytes as metadata would.
func sniffTileFormat(b []byte) string {
	switch {
	case len(b) == 0:
		return ""
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		return "png"
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "jpg"
	case bytes.HasPrefix(b, []byte("\x1f\x8b")):
		return "pbf" // gzipped protobuf: vector tiles
	}
	return "unknown"
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// ParseMBTilesMeta reads the metadata table's name/value pairs (names in
// lower case): the format must be png or jpg, bounds W,S,E,N in degrees,
// and zooms whole numbers from 0 to 30.
func ParseMBTilesMeta(kv map[string]string) (MBTilesMeta, error) {
	m := MBTilesMeta{
		Name:        kv["name"],
		Attribution: strings.Join(strings.Fields(html.UnescapeString(htmlTag.ReplaceAllString(kv["attribution"], ""))), " "),
		Bounds:      orb.Bound{Min: orb.Point{-180, -view.MaxLat}, Max: orb.Point{180, view.MaxLat}},
	}
	switch f := strings.ToLower(kv["format"]); f {
	case "png", "":
		m.Format = f
	case "jpg", "jpeg":
		m.Format = "jpg"
	case "pbf", "mvt":
		return m, &formatError{"vector MBTiles (pbf) are not supported: use a raster MBTiles"}
	default:
		return m, &formatError{fmt.Sprintf("tile format %q is not supported: use a raster MBTiles of png or jpg tiles", kv["format"])}
	}
	var err error
	if m.MinZoom, err = parseZoom(kv, "minzoom"); err != nil {
		return m, err
	}
	if m.MaxZoom, err = parseZoom(kv, "maxzoom"); err != nil {
		return m, err
	}
	if m.MinZoom > m.MaxZoom {
		return m, fmt.Errorf("%w: minzoom %d is above maxzoom %d", ErrNotMBTiles, m.MinZoom, m.MaxZoom)
	}
	if s := kv["bounds"]; s != "" {
		var ok bool
		if m.Bounds, ok = parseBounds(s); !ok {
			return m, fmt.Errorf("%w: metadata bounds %q: want west,south,east,north in degrees", ErrNotMBTiles, s)
		}
	}
	return m, nil
}

func parseBounds(s string) (orb.Bound, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, false
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) {
			return orb.Bound{}, false
		}
		v[i] = f
	}
	w, so, e, n := v[0], v[1], v[2], v[3]
	if w < -180 || e > 180 || so < -90 || n > 90 || w > e || so > n {
		return orb.Bound{}, false
	}
	return orb.Bound{Min: orb.Point{w, so}, Max: orb.Point{e, n}}, true
}

func parseZoom(kv map[string]string, key string) (maptile.Zoom, error) {
	s := kv[key]
	if s == "" {
		return 0, nil
	}
	z, err := strconv.Atoi(s)
	if err != nil || z < 0 || z > 30 {
		return 0, fmt.Errorf("%w: metadata %s %q: want a zoom from 0 to 30", ErrNotMBTiles, key, s)
	}
	return maptile.Zoom(z), nil
}
