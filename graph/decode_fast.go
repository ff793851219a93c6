package graph

// The parallel reader's workers read most element lines without the JSON
// tokenizer: Encode writes each element compact (no spaces), and most
// strings are plain printable ASCII without escapes. fastNode and fastEdge
// read exactly that and say false at anything else (an escape, a byte
// outside printable ASCII, whitespace, an unknown member, a need or tier
// that is not an integer), and the line is then read by the tokenizer, as
// the reference decoder would.
// Objects and arrays (tags, attributes, zones, owners) are found by their
// brackets and decoded by the tokenizer, or taken from the values decoded
// before from the same bytes.

// fastNode reads a node line (see above); on false n is left part read.
func (d *decoder) fastNode(line []byte, n *Node) bool {
	sc := scan{s: line}
	if !sc.lit("{") {
		return false
	}
	for more := !sc.lit("}"); more; {
		name, ok := sc.str()
		if !ok || !sc.lit(":") {
			return false
		}
		if !d.fastMember(&sc, string(name), n) {
			return false
		}
		if more, ok = sc.next(); !ok {
			return false
		}
	}
	return sc.i == len(line)
}

// fastMember reads the value of the node member name.
func (d *decoder) fastMember(sc *scan, name string, n *Node) bool {
	var s *string
	switch name {
	case "id":
		if sc.lit("null") {
			n.ID = ""
			return true
		}
		b, ok := sc.str()
		n.ID = d.keepID(b)
		return ok
	case "class":
		s = (*string)(&n.Class)
	case "level":
		s = (*string)(&n.Level)
	case "kind":
		s = &n.Kind
	case "type":
		s = &n.Type
	case "role":
		s = (*string)(&n.Role)
	case "provider":
		s = &n.Provider
	case "account":
		s = &n.Account
	case "region":
		s = &n.Region
	case "service":
		s = &n.Service
	case "name":
		s = &n.Name
	case "evidence":
		s = &n.Evidence
	case "need", "tier":
		v, ok := 0, sc.lit("null")
		if !ok {
			v, ok = sc.integer()
		}
		if name == "need" {
			n.Need = v
		} else {
			n.Tier = v
		}
		return ok
	case "downtime_cost_per_hour":
		v, ok := 0.0, sc.lit("null")
		if !ok {
			v, ok = sc.float()
		}
		n.DowntimeCostPerHour = v
		return ok
	case "placeholder":
		switch {
		case sc.lit("true"):
			n.Placeholder = true
		case sc.lit("false"), sc.lit("null"):
			n.Placeholder = false
		default:
			return false
		}
		return true
	case "zones", "tags", "attrs", "owners", "residency":
		return d.fastComposite(sc, name, n)
	default:
		return false // an unknown member
	}
	if sc.lit("null") {
		*s = ""
		return true
	}
	b, ok := sc.str()
	*s = d.intern(b)
	return ok
}

// fastComposite reads a node member that is an object or array (or null).
func (d *decoder) fastComposite(sc *scan, name string, n *Node) bool {
	null := sc.lit("null")
	var raw []byte
	if !null {
		var ok bool
		if raw, ok = sc.composite(); !ok {
			return false
		}
	}
	ok := true
	switch name {
	case "zones":
		n.Zones = nil
		if !null {
			n.Zones, ok = sharedRaw(d, &d.zoneSets, raw, '[', d.strList)
		}
	case "tags":
		n.Tags = nil
		if !null {
			n.Tags, ok = sharedRaw(d, &d.tagSets, raw, '{', d.tagMap)
		}
	case "attrs":
		n.Attrs = nil
		if !null {
			n.Attrs, ok = sharedRaw(d, &d.attrSets, raw, '{', d.attrMap)
		}
	case "owners":
		n.Owners = nil
		if !null {
			n.Owners, ok = sub(d, raw, d.strList)
		}
	case "residency":
		n.Residency = nil
		if !null {
			n.Residency, ok = sub(d, raw, d.strList)
		}
	}
	return ok
}

// fastEdge reads an edge line (see above), returning its ends' positions.
func (d *decoder) fastEdge(line []byte, ed *Edge) (from, to int, ok bool) {
	from, to = -1, -1
	sc := scan{s: line}
	if !sc.lit("{") {
		return from, to, false
	}
	for more := !sc.lit("}"); more; {
		name, ok := sc.str()
		if !ok || !sc.lit(":") {
			return from, to, false
		}
		null := sc.lit("null")
		var b []byte
		if !null {
			if b, ok = sc.str(); !ok {
				return from, to, false
			}
		}
		switch string(name) {
		case "from":
			ed.From, from = "", -1
			if !null {
				ed.From, from = d.resolve(b, &d.lastFrom)
			}
		case "to":
			ed.To, to = "", -1
			if !null {
				ed.To, to = d.resolve(b, &d.lastTo)
			}
		case "evidence":
			ed.Evidence = d.intern(b)
		case "relation":
			ed.Relation = d.intern(b)
		default:
			return from, to, false
		}
		if more, ok = sc.next(); !ok {
			return from, to, false
		}
	}
	return from, to, sc.i == len(line)
}
