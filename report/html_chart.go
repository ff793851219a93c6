package report

import "math"

// Horizontal bar charts drawn as inline SVG. Geometry is computed here in
// whole pixels so the same input always gives the same bytes; the template
// only places the numbers and the (escaped) labels.

const (
	chartWidth  = 860
	chartLabelX = 262 // labels end here (text-anchor: end)
	chartBarX   = 272
	chartBarW   = 300
	chartValueX = chartBarX + chartBarW + 10
	chartRowH   = 28
	chartBarH   = 16
	chartPadTop = 8
)

// svgChart is one bar chart.
type svgChart struct {
	Label  string // accessible name of the figure
	Width  int
	Height int
	Rows   []svgBar
	Ticks  []svgTick
	Base   int // y of the axis line end
}

// svgBar is one row: a label, stacked segments and a value text.
type svgBar struct {
	Label htmlText
	Y     int // top of the row
	TextY int
	BarY  int
	Segs  []svgSeg
	Value string
	Track int // width of the grey track behind the bar
}

// svgSeg is one segment of a stacked bar.
type svgSeg struct {
	X, Y, W int
	Class   string
}

// svgTick is a vertical grid line with its label.
type svgTick struct {
	X     int
	Label string
}

// barInput is one row before layout: segment values share one scale.
type barInput struct {
	Label string
	Segs  []float64
	Class []string
	Value string
}

// countScale is a whole-number scale for counts: the smallest multiple of a
// whole step of at least max, and the number of ticks to draw.
func countScale(max float64) (float64, int) {
	step := math.Max(1, math.Ceil(max/4))
	ticks := int(math.Max(1, math.Ceil(max/step)))
	return step * float64(ticks), ticks
}

// barChart lays out rows against a scale of max (at least the largest row
// total). ticks adds that many evenly spaced grid lines labelled by tick.
func barChart(label string, rows []barInput, max float64, ticks int, tick func(v float64) string) *svgChart {
	for _, r := range rows {
		max = math.Max(max, sum(r.Segs))
	}
	if max <= 0 {
		max = 1
	}
	c := &svgChart{Label: label, Width: chartWidth}
	for i, r := range rows {
		y := chartPadTop + i*chartRowH
		b := svgBar{Label: htmlTextOf(r.Label, htmlLabelRunes), Y: y, TextY: y + chartRowH/2 + 4, BarY: y + (chartRowH-chartBarH)/2, Value: r.Value, Track: chartBarW}
		acc := 0.0
		for k, v := range r.Segs {
			x0 := px(acc / max)
			acc += v
			x1 := px(acc / max)
			if v > 0 && x1 == x0 {
				x1 = x0 + 1 // a non-zero value stays visible
			}
			if x1 > x0 {
				b.Segs = append(b.Segs, svgSeg{X: chartBarX + x0, Y: b.BarY, W: x1 - x0, Class: r.Class[k]})
			}
		}
		c.Rows = append(c.Rows, b)
	}
	c.Base = chartPadTop + len(rows)*chartRowH
	c.Height = c.Base + 22
	if tick != nil && ticks > 0 {
		for i := 0; i <= ticks; i++ {
			v := max * float64(i) / float64(ticks)
			c.Ticks = append(c.Ticks, svgTick{X: chartBarX + px(float64(i)/float64(ticks)), Label: tick(v)})
		}
	}
	return c
}

func px(share float64) int { return int(math.Round(share * chartBarW)) }

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}
