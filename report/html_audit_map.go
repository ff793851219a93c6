package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/untether-dev/untether/graph"
	"github.com/untether-dev/untether/simulate"
)

// The dependency map: the critical services' dependency cones, cut to a
// readable number of nodes and laid out left to right by depth. Selection
// and layout are deterministic: seeds are sorted, the breadth-first walk
// follows node index order (id order), and ties break by id.

const (
	mapMaxServices = 6
	mapMaxNodes    = 40
	mapFanOut      = 4 // children a node contributes to the breadth-first fill
	mapVisitLimit  = 20000
	mapNodeW       = 170
	mapNodeH       = 38
	mapColGap      = 50
	mapRowGap      = 14
	mapPad         = 12
)

type htmlMap struct {
	Width, Height int
	Nodes         []mapNode
	Edges         []mapEdge
	Note          string
}

type mapNode struct {
	X, Y, W, H int
	TX, TY, SY int // text x, label baseline, sub-label baseline
	Label      string
	Sub        string
	Full       string
	Class      string
}

type mapEdge struct {
	D     string
	Class string
}

func buildMap(a *simulate.Audit, e *graph.Estate) *htmlMap {
	c := graph.Compile(e)
	seeds := mapSeeds(a, c)
	if len(seeds) == 0 {
		return nil
	}
	spof := make(map[string]bool, len(a.SPOFs))
	for _, s := range a.SPOFs {
		spof[s.Node] = true
	}
	sel, cone := mapSelect(a, c, seeds)
	m := mapLayout(c, sel, seeds, spof)
	coneText := Number(cone)
	if cone >= mapVisitLimit {
		coneText = "over " + coneText
	}
	m.Note = "Showing " + Number(len(sel)) + " of " + coneText + " nodes the " +
		plural(len(seeds), "service", "services") + " shown depend on: their single points of failure and the paths to them first, then their nearest dependencies."
	return m
}

// mapSeeds picks the services to draw: critical ones by tier, then weight.
func mapSeeds(a *simulate.Audit, c *graph.Compiled) []int32 {
	svcs, _ := htmlTop(a.Services, 16*mapMaxServices, func(x, y simulate.ServiceScore) int {
		return cmp.Or(htmlCmpBool(y.Critical, x.Critical), cmp.Compare(x.Tier, y.Tier), cmp.Compare(y.Weight, x.Weight), cmp.Compare(x.Service, y.Service))
	})
	var seeds []int32
	add := func(id string) {
		if i, ok := c.Index(id); ok && !slices.Contains(seeds, i) && len(seeds) < mapMaxServices {
			seeds = append(seeds, i)
		}
	}
	for _, s := range svcs {
		add(s.Service)
	}
	if len(seeds) == 0 { // entry points stand in for services: take them from the SPOF chains
		for _, s := range a.SPOFs {
			if len(s.Chain) > 0 {
				add(s.Chain[0])
			}
		}
	}
	return seeds
}

// mapSelect chooses the nodes to draw, in order: the seeds, the chains that
// prove the seeds' SPOFs (widest level first), then a breadth-first fill.
// It also returns how many nodes the walk reached (the cones' size, capped).
func mapSelect(a *simulate.Audit, c *graph.Compiled, seeds []int32) ([]int32, int) {
	in := map[int32]bool{}
	var sel []int32
	add := func(i int32) {
		if !in[i] {
			in[i] = true
			sel = append(sel, i)
		}
	}
	for _, s := range seeds {
		add(s)
	}
	var mine []simulate.SPOF // the SPOFs of the seeds
	for _, s := range a.SPOFs {
		if len(s.Chain) > 0 {
			if first, ok := c.Index(s.Chain[0]); ok && in[first] {
				mine = append(mine, s)
			}
		}
	}
	spofs, _ := htmlTop(mine, mapMaxNodes, func(x, y simulate.SPOF) int {
		return cmp.Or(cmp.Compare(rank(x.Level), rank(y.Level)), cmp.Compare(len(y.Services), len(x.Services)), cmp.Compare(x.Node, y.Node))
	})
	for _, s := range spofs {
		if len(sel) >= mapMaxNodes*3/4 {
			break
		}
		path := make([]int32, 0, len(s.Chain))
		for _, id := range s.Chain {
			if i, ok := c.Index(id); ok {
				path = append(path, i)
			}
		}
		if len(path) == len(s.Chain) {
			for _, i := range path {
				add(i)
			}
		}
	}
	seen := map[int32]bool{}
	queue := slices.Clone(seeds)
	for _, s := range seeds {
		seen[s] = true
	}
	for len(queue) > 0 && len(seen) < mapVisitLimit {
		u := queue[0]
		queue = queue[1:]
		taken := 0
		for _, v := range c.Needs(u) {
			if !seen[v] {
				seen[v] = true
				queue = append(queue, v)
			}
			if in[u] && !in[v] && taken < mapFanOut && len(sel) < mapMaxNodes {
				add(v)
				taken++
			}
		}
	}
	return sel, len(seen)
}

// mapLayout places the selected nodes in columns by longest path from the
// seeds over edges that go forward in breadth-first order (which breaks
// cycles), orders each column by the mean row of its parents, and draws
// the edges that go rightwards.
func mapLayout(c *graph.Compiled, sel, seeds []int32, spof map[string]bool) *htmlMap {
	in := make(map[int32]bool, len(sel))
	for _, i := range sel {
		in[i] = true
	}
	order := map[int32]int{}
	var walk []int32
	visit := func(i int32) {
		if _, ok := order[i]; !ok {
			order[i] = len(walk)
			walk = append(walk, i)
		}
	}
	for _, s := range seeds {
		visit(s)
	}
	for k := 0; k < len(walk); k++ {
		for _, v := range c.Needs(walk[k]) {
			if in[v] {
				visit(v)
			}
		}
	}
	for _, i := range sel { // anything not reached hangs off the first column
		visit(i)
	}
	layer := make(map[int32]int, len(walk))
	cols := [][]int32{}
	for _, v := range walk {
		l := 0
		for _, u := range c.NeededBy(v) {
			if in[u] && order[u] < order[v] {
				l = max(l, layer[u]+1)
			}
		}
		layer[v] = l
		for len(cols) <= l {
			cols = append(cols, nil)
		}
		cols[l] = append(cols[l], v)
	}
	rows := 0
	for _, col := range cols {
		rows = max(rows, len(col))
	}
	m := &htmlMap{
		Width:  2*mapPad + len(cols)*mapNodeW + (len(cols)-1)*mapColGap,
		Height: 2*mapPad + rows*mapNodeH + (rows-1)*mapRowGap,
	}
	y := make(map[int32]int, len(walk))
	for l, col := range cols {
		if l > 0 {
			bary := func(v int32) float64 {
				t, n := 0.0, 0
				for _, u := range c.NeededBy(v) {
					if in[u] && layer[u] < l {
						t += float64(y[u])
						n++
					}
				}
				if n == 0 {
					return 0
				}
				return t / float64(n)
			}
			slices.SortStableFunc(col, func(p, q int32) int {
				return cmp.Or(cmp.Compare(bary(p), bary(q)), cmp.Compare(p, q))
			})
		}
		top := mapPad + (rows-len(col))*(mapNodeH+mapRowGap)/2
		x := mapPad + l*(mapNodeW+mapColGap)
		for r, v := range col {
			y[v] = top + r*(mapNodeH+mapRowGap)
			m.Nodes = append(m.Nodes, mapNodeView(c, v, x, y[v], spof))
		}
	}
	for _, u := range walk {
		for _, v := range c.Needs(u) {
			if !in[v] || layer[v] <= layer[u] {
				continue
			}
			x1, y1 := mapPad+layer[u]*(mapNodeW+mapColGap)+mapNodeW, y[u]+mapNodeH/2
			x2, y2 := mapPad+layer[v]*(mapNodeW+mapColGap), y[v]+mapNodeH/2
			mx := (x1 + x2) / 2
			d := "M" + itoa(x1) + " " + itoa(y1) + " C" + itoa(mx) + " " + itoa(y1) + " " + itoa(mx) + " " + itoa(y2) + " " + itoa(x2-4) + " " + itoa(y2)
			class := "edge"
			if spof[c.Nodes[v].ID] {
				class = "edge edge-hot"
			}
			m.Edges = append(m.Edges, mapEdge{D: d, Class: class})
		}
	}
	return m
}

func itoa(i int) string { return strconv.Itoa(i) }

// mapNodeView names and classes one node box.
func mapNodeView(c *graph.Compiled, i int32, x, y int, spof map[string]bool) mapNode {
	n := c.Nodes[i]
	v := mapNode{X: x, Y: y, W: mapNodeW, H: mapNodeH, TX: x + 10, TY: y + 17, SY: y + 31}
	var label, sub string
	switch n.Class {
	case graph.ClassService:
		label, sub, v.Class = n.Label(), "service · tier "+strconv.Itoa(n.EffectiveTier()), "n-service"
		label = graph.ServiceName(label)
	case graph.ClassGroup:
		members := len(c.Needs(i))
		label = n.Name
		if label == "" {
			label = "any " + strconv.Itoa(n.Need) + " of " + strconv.Itoa(members)
		}
		sub, v.Class = "redundancy: needs "+strconv.Itoa(n.Need)+" of "+strconv.Itoa(members), "n-group"
	case graph.ClassPlacement:
		label, sub, v.Class = nodePhrase(n.ID, n.Level), string(n.Level), "n-place"
		switch p := strings.Split(n.ID, "/"); {
		case n.Level == graph.LevelZone && len(p) == 3:
			label, sub = p[2], "zone · "+providerName(p[0])+" "+p[1]
		case n.Level == graph.LevelService:
			sub = "managed service"
		}
	default:
		label, sub, v.Class = n.Label(), n.Kind, "n-res"
		if n.Name == "" {
			label = shortID(n.ID)
		}
		if n.Provider != "" {
			sub = strings.TrimPrefix(sub+" · "+providerName(n.Provider), " · ")
		}
	}
	if spof[n.ID] {
		v.Class += " n-spof"
		sub = "SPOF · " + sub
	}
	v.Label = htmlClip(label, 21)
	v.Sub = htmlClip(sub, 28)
	v.Full = htmlClip(n.ID, htmlTitleRunes)
	if label != n.ID {
		v.Full = htmlClip(label+" — "+n.ID, htmlTitleRunes)
	}
	return v
}
