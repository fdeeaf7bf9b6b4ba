package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

// runGeocode prints, per place, "LAT LON NAME COUNTRY": the best match in the
// embedded GeoNames gazetteer. A place may end in ", COUNTRY" (a name or an
// ISO code) to search only there: "Palmira, Syria" is Tadmur, "Palmira" alone
// the larger Palmira in Colombia. Places not found are named in one error
// after the others are printed.
func runGeocode(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("geocode")
	if err := fs.Parse(args); err != nil {
		return &exitError{2, fmt.Sprintf("geocode: %v (usage: strikedb %s)", err, commands["geocode"].usage)}
	}
	if fs.NArg() == 0 {
		return &exitError{2, fmt.Sprintf("geocode: no place given (usage: strikedb %s)", commands["geocode"].usage)}
	}
	var missing []string
	for _, arg := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, ok := gazetteer.Best(splitCountry(arg))
		if !ok {
			missing = append(missing, strconv.Quote(arg))
			continue
		}
		lat := strconv.FormatFloat(r.Lat, 'f', -1, 64)
		lon := strconv.FormatFloat(r.Lon, 'f', -1, 64)
		if _, err := fmt.Fprintln(stdout, lat, lon, r.Name, r.Country); err != nil {
			return fmt.Errorf("geocode: %w", err)
		}
	}
	if len(missing) > 0 {
		return &exitError{1, fmt.Sprintf("geocode: %s: not found", strings.Join(missing, ", "))}
	}
	return nil
}

// splitCountry splits "Palmira, Syria" into the place and the country after
// its last comma, when that names a country; otherwise the whole argument is
// the place ("Washington, D.C.").
func splitCountry(arg string) (place, country string) {
	i := strings.LastIndexByte(arg, ',')
	if i < 0 || strings.TrimSpace(arg[i+1:]) == "" {
		return arg, ""
	}
	if cc, ok := gazetteer.Country(arg[i+1:]); ok {
		return arg[:i], cc
	}
	return arg, ""
}
