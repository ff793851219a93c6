package roles

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/untether-dev/untether/graph"
)

//go:embed roles.tsv
var table []byte

// Entry is one row of the taxonomy.
type Entry struct {
	Role graph.Role
	// Kind is the normalised kind the row gives, or "".
	Kind string
}

// pattern is a row whose type holds one '*': prefix*suffix.
type pattern struct {
	prefix, suffix string
	entry          Entry
}

var exact, patterns = mustParse(table)

// Of is the role of a provider-native type; an unmapped type is a workload,
// so an unknown type is never read as harmless.
func Of(typ string) graph.Role {
	e, _ := Lookup(typ)
	return e.Role
}

// Lookup returns the row for typ and whether one matched; with no match
// the entry is a workload with no kind.
func Lookup(typ string) (Entry, bool) {
	t := strings.ToLower(typ)
	if e, ok := exact[t]; ok {
		return e, true
	}
	for _, p := range patterns { // most specific first
		if len(t) >= len(p.prefix)+len(p.suffix) && strings.HasPrefix(t, p.prefix) && strings.HasSuffix(t, p.suffix) {
			return p.entry, true
		}
	}
	return Entry{Role: graph.RoleWorkload}, false
}

func mustParse(data []byte) (map[string]Entry, []pattern) {
	ex, pats, err := parse(data)
	if err != nil {
		panic("roles.tsv: " + err.Error()) // the table is compiled in; a test reads it first
	}
	return ex, pats
}

// parse reads the table: "type<TAB>role[<TAB>kind]", '#' comments, blank
// lines. A repeated type is an error, so a review sees every decision once.
func parse(data []byte) (map[string]Entry, []pattern, error) {
	ex := map[string]Entry{}
	var pats []pattern
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || len(cols) > 3 {
			return nil, nil, fmt.Errorf("line %d: want type<TAB>role[<TAB>kind], got %q", line, text)
		}
		typ := strings.ToLower(strings.TrimSpace(cols[0]))
		e := Entry{Role: graph.Role(strings.TrimSpace(cols[1]))}
		if len(cols) == 3 {
			e.Kind = strings.TrimSpace(cols[2])
		}
		switch e.Role {
		case graph.RoleWorkload, graph.RolePath, graph.RoleConfiguration:
		default:
			return nil, nil, fmt.Errorf("line %d: role %q; expected workload, path or configuration", line, e.Role)
		}
		if first, dup := seen[typ]; dup {
			return nil, nil, fmt.Errorf("line %d: %s repeats line %d", line, typ, first)
		}
		seen[typ] = line
		switch strings.Count(typ, "*") {
		case 0:
			ex[typ] = e
		case 1:
			pre, suf, _ := strings.Cut(typ, "*")
			pats = append(pats, pattern{pre, suf, e})
		default:
			return nil, nil, fmt.Errorf("line %d: %s: at most one * per pattern", line, typ)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	// The most specific (longest literal part) pattern first; ties in a
	// fixed order so a lookup never depends on the table's order.
	slices.SortStableFunc(pats, func(a, b pattern) int {
		if la, lb := len(a.prefix)+len(a.suffix), len(b.prefix)+len(b.suffix); la != lb {
			return lb - la
		}
		return strings.Compare(a.prefix+"*"+a.suffix, b.prefix+"*"+b.suffix)
	})
	return ex, pats, nil
}
