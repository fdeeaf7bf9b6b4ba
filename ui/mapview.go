package ui

import (
	"image"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/render"
	"github.com/strikemap/strikemap/geo/view"
)

// MapView is the interactive map: it draws the geo renderer's map for its size into one
// raster, pans on drag, zooms about the pointer on scroll, and reports what the user
// points at. All its methods run on the UI goroutine.
type MapView struct {
	widget.BaseWidget

	// OnTapEvent is called with the row of the event tapped.
	OnTapEvent func(row int)
	// OnTapCluster is called with a cluster tapped; the window zooms into it or lists it.
	OnTapCluster func(it cluster.Item)
	// OnTapEmpty is called when a tap hits nothing.
	OnTapEmpty func()
	// OnHover is called with the row of the event under the pointer, -1 for none.
	OnHover func(row int)
	// OnPointer is called with the place under the pointer; ok is false when it left.
	OnPointer func(ll orb.Point, ok bool)
	// OnViewChange is called after each pan or zoom.
	OnViewChange func(v view.Viewport)

	m        render.Map
	renderer *render.Renderer
	img      *image.RGBA
	raster   *canvas.Raster
	hovered  int
	lastTap  time.Time
	tapAt    fyne.Position
	frameErr string
	fitted   *fit // the last Fit, until the user moves the map
	lastDraw time.Duration
	zooming  *fyne.Animation // the zoom under way, nil for none
	zoomGoal float64         // the zoom it is heading for
}

// traceFrames logs each frame's drawing time, for measuring: STRIKEMAP_TRACE=1.
var traceFrames = os.Getenv("STRIKEMAP_TRACE") != "" && os.Getenv("STRIKEMAP_TRACE") != "0"

// NewMapView returns a map of the whole world, with nothing on it yet.
func NewMapView() *MapView {
	m := &MapView{renderer: render.NewRenderer(), hovered: -1}
	m.m.View = view.New(orb.Point{38, 34}, 4, 1, 1, 1)
	m.raster = canvas.NewRaster(m.paint)
	m.ExtendBaseWidget(m)
	return m
}

// SetBase changes the background map and its credit line.
func (m *MapView) SetBase(b render.Base, attribution string) {
	m.m.Base, m.m.Attribution = b, attribution
	m.Redraw()
}

// SetEvents changes the events drawn and the legend that explains them (nil for none).
func (m *MapView) SetEvents(e render.Events, legend *render.Legend) {
	m.m.Events, m.m.Legend = e, legend
	m.Redraw()
}

// SetLegend changes the legend alone, e.g. when it is hidden or its counts change.
func (m *MapView) SetLegend(l *render.Legend) {
	m.m.Legend = l
	m.Redraw()
}

// SetSelected highlights the event with id, 0 for none.
func (m *MapView) SetSelected(id int64) {
	m.m.Selected = id
	m.Redraw()
}

// View returns the viewport shown, in device pixels.
func (m *MapView) View() view.Viewport { return m.m.View }

// SetView shows center at zoom, keeping the map's pixel size.
func (m *MapView) SetView(center orb.Point, zoom float64) {
	m.fitted = nil
	v := m.m.View
	v.Center, v.Zoom = center, zoom
	m.setView(v)
}

// Fit shows bound whole, zoomed in no further than maxZoom. Until the user moves the
// map, the fit is kept when the map changes size, as it does while the window is laid out.
func (m *MapView) Fit(bound orb.Bound, maxZoom float64) {
	m.fitted = &fit{bound, maxZoom}
	v := m.m.View
	if v.Width < minFitPx || v.Height < minFitPx {
		return
	}
	m.setView(view.Fit(bound, v.Width, v.Height, v.Scale, 40*v.Scale, maxZoom))
}

// minFitPx is the smallest map, in device pixels, worth fitting a view to.
const minFitPx = 32

// fit is a Fit waiting for the map to be laid out.
type fit struct {
	bound   orb.Bound
	maxZoom float64
}

// Map returns what the map shows now, for exporting it as an image.
func (m *MapView) Map() render.Map { return m.m }

// Redraw draws the map again, e.g. when tiles have arrived or the filter changed.
func (m *MapView) Redraw() { m.raster.Refresh() }

// LastFrame is how long the last frame took to draw.
func (m *MapView) LastFrame() time.Duration { return m.lastDraw }

func (m *MapView) setView(v view.Viewport) {
	m.m.View = v.Clamp()
	m.Redraw()
	if m.OnViewChange != nil {
		m.OnViewChange(m.m.View)
	}
}

// paint is the raster's generator: it runs on the UI goroutine when Fyne draws, with
// the raster's size in device pixels. It only reads memory — the basemap comes from
// the tile cache, which never waits for the network.
func (m *MapView) paint(w, h int) image.Image {
	if w <= 0 || h <= 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	if m.img == nil || m.img.Rect.Dx() != w || m.img.Rect.Dy() != h {
		m.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	scale := 1.0
	if sw := m.Size().Width; sw > 0 {
		scale = float64(w) / float64(sw)
	}
	v := m.m.View
	if v.Width != w || v.Height != h || v.Scale != scale {
		v.Width, v.Height, v.Scale = w, h, scale
		m.m.View = v.Clamp()
	}
	var ran, waited time.Duration
	if traceFrames {
		ran, waited, _ = threadTimes()
	}
	start := time.Now()
	if err := m.renderer.Draw(m.img, &m.m); err != nil && err.Error() != m.frameErr {
		m.frameErr = err.Error()
		log.Printf("map: %v", err)
	}
	m.lastDraw = time.Since(start)
	if traceFrames {
		ran2, waited2, _ := threadTimes()
		log.Printf(sinceLaunch()+"frame %dx%d zoom %.2f: %.1f ms (on a CPU %.1f ms, waiting for one %.1f ms), %d items", w, h, v.Zoom,
			ms(m.lastDraw), ms(ran2-ran), ms(waited2-waited), len(m.renderer.Items()))
	}
	return m.img
}

// ms is d in milliseconds, for the trace.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// CreateRenderer lays the zoom buttons over the map's top-right corner.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	in := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { m.zoomBy(1) })
	out := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { m.zoomBy(-1) })
	buttons := container.NewVBox(in, out)
	corner := container.NewBorder(container.NewHBox(layout.NewSpacer(), container.NewPadded(buttons)), nil, nil, nil)
	return widget.NewSimpleRenderer(container.NewStack(m.raster, corner))
}

// Resize keeps the viewport's pixel size in step with the widget's, so that the view
// is right before the first frame is drawn.
func (m *MapView) Resize(size fyne.Size) {
	m.BaseWidget.Resize(size)
	scale := 1.0
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		scale = float64(c.Scale())
	}
	v := m.m.View
	v.Width, v.Height, v.Scale = int(float64(size.Width)*scale), int(float64(size.Height)*scale), scale
	m.m.View = v.Clamp()
	if f := m.fitted; f != nil {
		m.Fit(f.bound, f.maxZoom)
	}
}

// zoomBy zooms about the centre, as the buttons and the keyboard do.
func (m *MapView) zoomBy(dz float64) {
	v := m.m.View
	m.zoomAbout(float64(v.Width)/2, float64(v.Height)/2, dz)
}

// move shows v because the user moved the map, which ends any kept fit.
func (m *MapView) move(v view.Viewport) {
	m.fitted = nil
	m.setView(v)
}

// device converts a position in the widget to device pixels of the map image.
func (m *MapView) device(p fyne.Position) (x, y float64) {
	s := m.m.View.Scale
	if s == 0 {
		s = 1
	}
	return float64(p.X) * s, float64(p.Y) * s
}
