package graph

import (
	"bytes"
	"encoding/json"

	"github.com/go-json-experiment/json/jsontext"
)

// node reads one node.
func (d *decoder) node(n *Node) error {
	err := d.object(func(name string) error {
		d.where.field = name
		var err error
		switch name {
		case "id":
			n.ID, err = d.id()
		case "class":
			var s string
			s, err = d.str()
			n.Class = Class(s)
		case "level":
			var s string
			s, err = d.str()
			n.Level = Level(s)
		case "kind":
			n.Kind, err = d.str()
		case "type":
			n.Type, err = d.str()
		case "role":
			var s string
			s, err = d.str()
			n.Role = Role(s)
		case "provider":
			n.Provider, err = d.str()
		case "account":
			n.Account, err = d.str()
		case "region":
			n.Region, err = d.str()
		case "zones":
			n.Zones, err = d.zones()
		case "service":
			n.Service, err = d.str()
		case "name":
			n.Name, err = d.str()
		case "tags":
			n.Tags, err = d.tags()
		case "attrs":
			n.Attrs, err = d.attrs()
		case "evidence":
			n.Evidence, err = d.str()
		case "need":
			n.Need, err = d.integer()
		case "tier":
			n.Tier, err = d.integer()
		case "owners":
			n.Owners, err = d.strList()
		case "downtime_cost_per_hour":
			n.DowntimeCostPerHour, err = d.float()
		case "residency":
			n.Residency, err = d.strList()
		case "placeholder":
			n.Placeholder, err = d.boolean()
		default:
			err = d.extra(&n.Extra, name)
		}
		return err
	})
	d.where.field = ""
	return err
}

// id reads a node's id: a string of its own, never interned (ids are
// unique; edges share them instead).
func (d *decoder) id() (string, error) {
	b, null, err := d.stringValue()
	if err != nil || null {
		return "", err
	}
	return d.keepID(b), nil
}

// end reads an edge's from or to: the node's own id string when the node
// was read already (an estate file lists nodes first).
func (d *decoder) end(last *int) (string, int, error) {
	b, null, err := d.stringValue()
	if err != nil || null {
		return "", -1, err
	}
	s, i := d.resolve(b, last)
	return s, i, nil
}

// resolve finds the node an edge's end names (last is the one its from or
// to named before): its own id string and position, else the name and -1.
func (d *decoder) resolve(b []byte, last *int) (string, int) {
	// Edges come sorted by from, and nodes by id: an edge's from is most
	// often the last one's, else one of the next few nodes.
	if i := *last; i >= 0 && !d.dupID {
		for end := min(i+4, len(d.e.Nodes)); i < end; i++ {
			if d.e.Nodes[i].ID == string(b) {
				*last = i
				return d.e.Nodes[i].ID, i
			}
		}
	}
	if i, ok := d.ids[string(b)]; ok && !d.dupID {
		*last = i
		return d.e.Nodes[i].ID, i
	}
	return d.intern(b), -1
}

// edge reads one edge, returning the positions of the nodes its ends name
// (-1 for an end not found in the id map).
func (d *decoder) edge(ed *Edge) (from, to int, err error) {
	from, to = -1, -1
	err = d.object(func(name string) error {
		d.where.field = name
		var err error
		switch name {
		case "from":
			ed.From, from, err = d.end(&d.lastFrom)
		case "to":
			ed.To, to, err = d.end(&d.lastTo)
		case "evidence":
			ed.Evidence, err = d.str()
		case "relation":
			ed.Relation, err = d.str()
		default:
			err = d.extra(&ed.Extra, name)
		}
		return err
	})
	d.where.field = ""
	return from, to, err
}

// gap reads gaps[i].
func (d *decoder) gap(g *Gap) error {
	err := d.object(func(name string) error {
		d.where.field = name
		var err error
		switch name {
		case "provider":
			g.Provider, err = d.str()
		case "account":
			g.Account, err = d.str()
		case "region":
			g.Region, err = d.str()
		case "service":
			g.Service, err = d.str()
		case "status":
			g.Status, err = d.str()
		case "detail":
			g.Detail, err = d.str()
		default:
			err = d.extra(&g.Extra, name)
		}
		return err
	})
	d.where.field = ""
	return err
}

// tags reads a map of strings (null reads as nil). Nodes with the same
// tags share one map.
func (d *decoder) tags() (map[string]string, error) {
	return shared(d, &d.tagSets, '{', "an object of strings", d.tagMap)
}

// tagMap decodes a tag object.
func (d *decoder) tagMap() (map[string]string, error) {
	m := map[string]string{}
	err := d.object(func(name string) error {
		v, err := d.str()
		m[name] = v
		return err
	})
	return m, err
}

// attrs reads the attribute map as encoding/json would into map[string]any.
// Nodes with the same attributes share one map.
func (d *decoder) attrs() (map[string]any, error) {
	return shared(d, &d.attrSets, '{', "an object", d.attrMap)
}

// attrMap decodes an attribute object.
func (d *decoder) attrMap() (map[string]any, error) {
	v, err := d.value()
	m, _ := v.(map[string]any)
	return m, err
}

// zones reads a list of zones; nodes in the same zones share one list.
func (d *decoder) zones() ([]string, error) {
	return shared(d, &d.zoneSets, '[', "an array of strings", d.strList)
}

// shared reads a value of the given kind (null reads as the zero value)
// and returns the one decoded before from the same bytes, or decodes it
// with read from those bytes. Decoded values are shared between nodes, so
// users copy them before changing them (as Builder and Merge do).
func shared[T any](d *decoder, seen *sharedSet[T], kind jsontext.Kind, want string, read func() (T, error)) (T, error) {
	var zero T
	raw, err := d.dec.ReadValue()
	if err != nil {
		return zero, d.syntax(err)
	}
	switch raw.Kind() {
	case 'n':
		return zero, nil
	case kind:
	default:
		return zero, d.typeError(d.path(), raw, want)
	}
	if v, ok := seen.find(raw); ok {
		return v, nil
	}
	// Decode the bytes just read with a second decoder; errors place
	// themselves relative to where the value starts in the file.
	main, base := d.dec, d.base
	d.base = base + main.InputOffset() - int64(len(raw))
	d.sub.Reset(bytes.NewBuffer(raw), jsontext.AllowDuplicateNames(true))
	d.dec = &d.sub
	v, err := read()
	d.dec, d.base = main, base
	if err == nil {
		v = seen.add(raw, v)
	}
	return v, err
}

// extra keeps an unknown member verbatim.
func (d *decoder) extra(m *map[string]json.RawMessage, name string) error {
	raw, err := d.raw()
	if err != nil {
		return err
	}
	if *m == nil {
		*m = map[string]json.RawMessage{}
	}
	(*m)[name] = raw
	return nil
}

// enter puts nodes[i]'s id in the id map once the node is read whole (a
// node naming its id twice is entered by the last, as it is kept), noting
// an id seen before.
func (d *decoder) enter(id string, i int) {
	if _, dup := d.ids[id]; dup {
		d.dupID = true
		return
	}
	d.ids[id] = i
}

// key notes edge k's ends' positions while every edge so far named nodes
// already read.
func (d *decoder) key(k, from, to int) {
	if from < 0 || to < 0 || len(d.keys) != k {
		d.keysOK = false
	} else if d.keysOK {
		d.keys = append(d.keys, uint64(from)<<32|uint64(to))
	}
}
