package terraform

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// How an attribute reference turns into edges is data: one reviewed table
// per provider under relations/ (common.tsv says what each relation means).
// Most references are plain needs (an instance needs its subnet). Some
// point the other way (a listener names its load balancer, which needs
// it), some make the resource one redundant member of the target, some
// list alternatives, and some are creation order or nothing at run time.
type relation int

const (
	relNeed relation = iota
	relReverse
	relMember
	relAnyOf
	relOrdering
	relNone
)

func (r relation) String() string {
	for name, v := range relationNames {
		if v == r {
			return name
		}
	}
	return "unknown"
}

var relationNames = map[string]relation{"need": relNeed, "reverse": relReverse, "member": relMember,
	"anyof": relAnyOf, "ordering": relOrdering, "none": relNone}

//go:embed relations/*.tsv
var relationFiles embed.FS

// relationTable: type ("*" for any) -> attribute -> relation.
var relationTable = mustRelations()

func mustRelations() map[string]map[string]relation {
	t, err := parseRelations(relationFiles)
	if err != nil {
		panic(err) // compiled in; TestRelationTables reads it first
	}
	return t
}

func parseRelations(fsys fs.FS) (map[string]map[string]relation, error) {
	out := map[string]map[string]relation{}
	files, err := fs.Glob(fsys, "relations/*.tsv")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			cols := strings.Split(text, "\t")
			if len(cols) != 3 {
				return nil, fmt.Errorf("%s:%d: want type<TAB>attribute<TAB>relation, got %q", f, line, text)
			}
			rel, ok := relationNames[cols[2]]
			if !ok {
				return nil, fmt.Errorf("%s:%d: relation %q; expected need, reverse, member, anyof, ordering or none", f, line, cols[2])
			}
			if out[cols[0]] == nil {
				out[cols[0]] = map[string]relation{}
			}
			if _, dup := out[cols[0]][cols[1]]; dup {
				return nil, fmt.Errorf("%s:%d: %s %s is listed twice", f, line, cols[0], cols[1])
			}
			out[cols[0]][cols[1]] = rel
		}
	}
	return out, nil
}

// relationOf is how attribute key of a resource of type typ relates it to
// the resource it references: the type's row, else the row for every type,
// else a need.
func relationOf(typ, key string) relation {
	if r, ok := relationTable[typ][key]; ok {
		return r
	}
	if r, ok := relationTable["*"][key]; ok {
		return r
	}
	return relNeed
}
