package main

import (
	"fmt"

	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/render"
)

// offlineAttribution credits the data of the bundled basemap.
const offlineAttribution = "Natural Earth · GeoNames (CC BY)"

// openBase returns the background for --tiles, its attribution and how to release it.
func openBase(spec string) (render.Base, string, func(), error) {
	switch spec {
	case "", "offline":
		return basemap.New(256), offlineAttribution, func() {}, nil
	}
	return nil, "", nil, &exitError{2, fmt.Sprintf("render: --tiles %q: online and MBTiles sources are not wired in yet; use offline", spec)}
}
