package graph

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
)

// parallelMin is the smallest file read by the parallel reader; smaller
// ones are read by the reference decoder alone (a variable for tests).
var parallelMin int64 = 256 << 10

// blockSize is how much of the file one read takes, and so about the most
// a worker is handed at once (a variable for tests).
var blockSize = 1 << 20

// decodeParallel reads an estate file laid out as Encode writes it (see
// decode_lines.go) on all cores: this goroutine reads the file a block at a
// time and checks its frame line by line; workers decode the blocks' node
// and edge lines straight into their places in lists made their exact
// length beforehand (countLines), so the result does not depend on which
// worker reads what; one more goroutine enters the node ids in the id map,
// in file order, which the edges' workers wait for. Memory holds a few
// blocks, never the file.
//
// It returns the estate with its id map and edge keys, or ok false at the
// first thing it does not expect, whether a problem or only another
// layout: the reference decoder then reads the file and says exactly what
// and where any problem is.
func decodeParallel(at io.ReaderAt, size int64) (e *Estate, ids map[string]int, keys []uint64, ok bool) {
	nodes, edges, err := countLines(at, size)
	if err != nil {
		return nil, nil, nil, false
	}
	defer pauseGC()()
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	p := &pipeline{
		at: at, e: &Estate{}, ids: make(map[string]int, nodes),
		work: make(chan *batch, workers), merge: make(chan *batch, 4*workers),
		free: make(chan *block, 2*workers+2), idsReady: make(chan struct{}),
	}
	if nodes > 0 {
		p.e.Nodes = make([]Node, nodes)
		hugePages(p.e.Nodes)
	}
	if edges > 0 {
		p.e.Edges = make([]Edge, edges)
		p.keys = make([]uint64, edges)
		hugePages(p.e.Edges)
		hugePages(p.keys)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(p.worker)
	}
	wg.Go(p.enterIDs)
	framed := p.frame()
	close(p.work)
	close(p.merge)
	wg.Wait()
	if !framed || p.failed.Load() {
		return nil, nil, nil, false
	}
	return p.e, p.ids, p.keys, true
}

// pipeline is the state the reader, workers and id goroutine share.
type pipeline struct {
	at   io.ReaderAt
	e    *Estate        // Nodes and Edges made their length up front
	ids  map[string]int // written by enterIDs only, read by edges' workers once idsReady is closed
	keys []uint64       // edge k's node positions as from<<32|to

	// Tag maps, attribute maps and zone lists decoded so far, for all
	// workers: equal ones are one value across the estate.
	tags  sharedTable[map[string]string]
	attrs sharedTable[map[string]any]
	zones sharedTable[[]string]

	work     chan *batch   // to the workers
	merge    chan *batch   // node batches in file order, then nil when the nodes end
	idsReady chan struct{} // closed when every node id is entered
	free     chan *block   // blocks read and decoded, to read into again
	blocks   int           // how many blocks were made
	failed   atomic.Bool
}

// block is a buffer of whole lines, shared by the batches cut from it and
// by the reader while it looks at it; the last to let go frees it.
type block struct {
	buf  []byte
	refs atomic.Int32
}

// batch is consecutive node or edge lines of one block, decoded by one
// worker into elements first to first+n-1 of their list.
type batch struct {
	kind  lineKind
	first int
	n     int
	lines []byte // the lines, each `  {...}` with a comma but for the list's last
	blk   *block
	done  chan struct{} // closed when decoded (node batches)
}

// getBlock returns a free block, making one while fewer than the pool's
// size exist (so a small file makes one).
func (p *pipeline) getBlock() *block {
	select {
	case b := <-p.free:
		b.refs.Store(1)
		return b
	default:
	}
	if p.blocks < cap(p.free) {
		p.blocks++
		b := &block{buf: make([]byte, blockSize)}
		b.refs.Store(1)
		return b
	}
	b := <-p.free
	b.refs.Store(1)
	return b
}

func (p *pipeline) release(b *block) {
	if b.refs.Add(-1) == 0 {
		p.free <- b
	}
}

// worker decodes batches until there are no more; after a failure it only
// lets them go.
func (p *pipeline) worker() {
	d := &decoder{e: p.e, ids: p.ids, lastFrom: -1, lastTo: -1, strs: map[string]string{}, idBytes: &idBytes{},
		tagSets: sharedSet[map[string]string]{table: &p.tags}, attrSets: sharedSet[map[string]any]{table: &p.attrs},
		zoneSets: sharedSet[[]string]{table: &p.zones}}
	var dec jsontext.Decoder
	d.dec = &dec
	for b := range p.work {
		if !p.failed.Load() {
			if b.kind == edgeLine {
				<-p.idsReady
			}
			if !p.failed.Load() && !p.decodeBatch(d, b) {
				p.failed.Store(true)
			}
		}
		if b.done != nil {
			close(b.done)
		}
		p.release(b.blk)
	}
}

// decodeBatch decodes b's lines, one element each, every edge naming
// nodes that exist. A line the fast reader does not take is read by the
// tokenizer (decode_fast.go).
func (p *pipeline) decodeBatch(d *decoder, b *batch) bool {
	lines := b.lines
	for k := b.first; k < b.first+b.n; k++ {
		i := bytes.IndexByte(lines, '\n')
		if i < 0 {
			i = len(lines)
		}
		elem := bytes.TrimSuffix(lines[len("  "):i], []byte(","))
		lines = lines[min(i+1, len(lines)):]
		switch b.kind {
		case nodeLine:
			n := &p.e.Nodes[k]
			if !d.fastNode(elem, n) {
				*n = Node{}
				if !p.slow(d, elem, func() error { return d.node(n) }) {
					return false
				}
			}
		case edgeLine:
			ed := &p.e.Edges[k]
			from, to, ok := d.fastEdge(elem, ed)
			if !ok {
				*ed = Edge{}
				ok = p.slow(d, elem, func() (err error) {
					from, to, err = d.edge(ed)
					return err
				})
			}
			if !ok || from < 0 || to < 0 {
				return false
			}
			p.keys[k] = uint64(from)<<32 | uint64(to)
		}
	}
	return len(lines) == 0
}

// slow reads one element line with the tokenizer: exactly one value.
func (p *pipeline) slow(d *decoder, elem []byte, read func() error) bool {
	d.dec.Reset(bytes.NewBuffer(elem), jsontext.AllowDuplicateNames(true))
	if read() != nil {
		return false
	}
	_, err := d.dec.ReadToken()
	return err == io.EOF
}

// enterIDs enters the node ids in the id map in file order as their
// batches are decoded; a repeated id is a failure (the reference decoder
// names both places).
func (p *pipeline) enterIDs() {
	var once sync.Once
	ready := func() { once.Do(func() { close(p.idsReady) }) }
	defer ready()
	for b := range p.merge {
		if b == nil {
			ready()
			continue
		}
		<-b.done
		if p.failed.Load() {
			continue
		}
		for i := b.first; i < b.first+b.n; i++ {
			p.ids[p.e.Nodes[i].ID] = i
			if len(p.ids) != i+1 {
				p.failed.Store(true)
				break
			}
		}
	}
}
