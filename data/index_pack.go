package data

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"

	"github.com/strikemap/strikemap/geo/cluster"
)

// An Index is packed into named blobs: a header, the value tables, and one blob per
// column in row order, little-endian, each followed by its CRC-32C so that a damaged
// copy is noticed and the events are read instead.

// packFormat is the layout of the blobs; a copy in another layout is not read.
const packFormat = 1

// packHeader says what a packed copy holds and of which state of the events table.
type packHeader struct {
	Format  int   `json:"format"`
	Changes int64 `json:"changes"` // strikemap_changes.events when it was made
	Rows    int   `json:"rows"`
	Invalid int   `json:"invalid"`
}

// errPackDamaged means a packed copy does not decode into a consistent Index.
var errPackDamaged = errors.New("packed index damaged")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealed appends b's checksum to b.
func sealed(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// unseal returns b without its checksum, if the checksum holds.
func unseal(b []byte) ([]byte, error) {
	if len(b) < 4 {
		return nil, errPackDamaged
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, errPackDamaged
	}
	return body, nil
}

// packColumns lists the blobs of an Index's columns, by name, in the order they are stored.
func (ix *Index) packColumns() []packColumn {
	return []packColumn{
		numbers("id", &ix.ID), numbers("lon", &ix.Lon), numbers("lat", &ix.Lat),
		dates("start", &ix.Start), dates("end", &ix.End),
		numbers("actor", &ix.Actor), numbers("target", &ix.Target),
		numbers("status", &ix.Status), numbers("precision", &ix.Prec),
		numbers("killed", &ix.Killed), numbers("origin_x", &ix.OriginX), numbers("origin_y", &ix.OriginY),
		numbers("place", &ix.Place), numbers("x", &ix.Points.X), numbers("y", &ix.Points.Y),
	}
}

// packColumn is one column's blob: its name, bytes per row, and how to write and read it.
type packColumn struct {
	name   string
	size   int
	encode func([]byte) []byte
	decode func([]byte) error
}

// numbers is the packColumn of a column of fixed-size numbers.
func numbers[T int64 | float64 | uint8 | uint16 | int32 | uint32 | float32](name string, col *[]T) packColumn {
	size := binary.Size(T(0))
	return packColumn{name, size,
		func(b []byte) []byte {
			b, _ = binary.Append(b, binary.LittleEndian, *col) // cannot fail for a slice of numbers
			return b
		},
		func(b []byte) error {
			*col = make([]T, len(b)/size)
			if _, err := binary.Decode(b, binary.LittleEndian, *col); err != nil {
				return errPackDamaged
			}
			return nil
		}}
}

// dates is the packColumn of a column of dates, as day numbers: binary.Append and
// Decode handle a []Date only by reflection, slowly.
func dates(name string, col *[]Date) packColumn {
	return packColumn{name, 4,
		func(b []byte) []byte {
			for _, d := range *col {
				b = binary.LittleEndian.AppendUint32(b, uint32(d))
			}
			return b
		},
		func(b []byte) error {
			*col = make([]Date, len(b)/4)
			for i := range *col {
				(*col)[i] = Date(binary.LittleEndian.Uint32(b[4*i:]))
			}
			return nil
		}}
}

// pack returns the blobs of ix, by name, sealed, made at the given change count.
func (ix *Index) pack(changes int64) (map[string][]byte, error) {
	head, err := json.Marshal(packHeader{Format: packFormat, Changes: changes, Rows: ix.Len(), Invalid: ix.Invalid})
	if err != nil {
		return nil, err
	}
	blobs := map[string][]byte{"header": sealed(head), "names": sealed(appendNames(nil, ix.Actors, ix.Targets, ix.Places))}
	for _, c := range ix.packColumns() {
		blobs[c.name] = sealed(c.encode(make([]byte, 0, c.size*ix.Len()+4)))
	}
	return blobs, nil
}

// appendNames appends each list as its length, then each name as its length and bytes.
func appendNames(b []byte, lists ...[]string) []byte {
	for _, l := range lists {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return b
}

// readNames reads what appendNames wrote into the lists, which must all be there.
func readNames(b []byte, lists ...*[]string) error {
	for _, l := range lists {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)) {
			return errPackDamaged
		}
		b = b[k:]
		*l = make([]string, n)
		for i := range *l {
			m, k := binary.Uvarint(b)
			if k <= 0 || m > uint64(len(b)-k) {
				return errPackDamaged
			}
			(*l)[i], b = string(b[k:k+int(m)]), b[k+int(m):]
		}
	}
	if len(b) != 0 {
		return errPackDamaged
	}
	return nil
}

// complete checks that the columns read back fit together, and sets what follows from them.
func (ix *Index) complete() bool {
	var ok bool
	if ix.Points, ok = cluster.SortedPoints(ix.Points.X, ix.Points.Y); !ok || !ix.codesInRange() {
		return false
	}
	ix.finish()
	return true
}

// codesInRange reports whether every row's codes name a value of their table.
func (ix *Index) codesInRange() bool {
	for r := range ix.Len() {
		if int(ix.Actor[r]) >= len(ix.Actors) || int(ix.Target[r]) >= len(ix.Targets) ||
			int(ix.Place[r]) >= len(ix.Places) || int(ix.Status[r]) >= len(Statuses) ||
			int(ix.Prec[r]) >= len(GeoPrecisions) {
			return false
		}
	}
	return true
}
