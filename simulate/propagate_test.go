package simulate

import "testing"

func TestPropagateAndChain(t *testing.T) {
	m := model(t, `
svc s 1
res a
res b
res c
need s a
need a b
need b c
`)
	eq(t, "fail c", downAfter(t, m, "c"), []string{"a", "b", "c", "s"})
	eq(t, "fail b", downAfter(t, m, "b"), []string{"a", "b", "s"})
	eq(t, "fail a", downAfter(t, m, "a"), []string{"a", "s"})
	eq(t, "fail nothing", downAfter(t, m), nil)
}

func TestPropagateKOfN(t *testing.T) {
	// g needs 2 of {x, y, z}: it absorbs one failure, not two.
	m := model(t, `
svc s 1
res x
res y
res z
grp g 2 x y z
need s g
`)
	eq(t, "one member", downAfter(t, m, "x"), []string{"x"})
	eq(t, "two members", downAfter(t, m, "x", "z"), []string{"g", "s", "x", "z"})
}

func TestPropagateNeedEqualsMembers(t *testing.T) {
	// need == members: any member failing takes the group down.
	m := model(t, `
svc s 1
res x
res y
grp g 2 x y
need s g
`)
	eq(t, "one of two", downAfter(t, m, "y"), []string{"g", "s", "y"})
}

func TestPropagateNestedGroups(t *testing.T) {
	// inner = 1 of {a, b}; outer = 2 of {inner, c, d}.
	m := model(t, `
svc s 1
res a
res b
res c
res d
grp inner 1 a b
grp outer 2 inner c d
need s outer
`)
	eq(t, "a", downAfter(t, m, "a"), []string{"a"})
	eq(t, "a b", downAfter(t, m, "a", "b"), []string{"a", "b", "inner"})
	eq(t, "a b c", downAfter(t, m, "a", "b", "c"), []string{"a", "b", "c", "inner", "outer", "s"})
	eq(t, "c d", downAfter(t, m, "c", "d"), []string{"c", "d", "outer", "s"})
	eq(t, "a c", downAfter(t, m, "a", "c"), []string{"a", "c"})
}

func TestPropagateCycle(t *testing.T) {
	// Services A and B call each other: the greatest fixpoint keeps both UP
	// until something below either fails.
	m := model(t, `
svc A 1
svc B 2
res da
res db
need A B da
need B A db
`)
	eq(t, "nothing", downAfter(t, m), nil)
	eq(t, "db", downAfter(t, m, "db"), []string{"A", "B", "db"})
	eq(t, "A", downAfter(t, m, "A"), []string{"A", "B"})
}

func TestPropagatePlacementHierarchy(t *testing.T) {
	m := model(t, `
svc s 1
zone aws/r1/z1
zone aws/r1/z2
zone aws/r2/z3
res a
res b
need a aws/r1/z1
need b aws/r2/z3
need s a
`)
	eq(t, "provider", downAfter(t, m, "aws"), []string{"a", "aws", "aws/r1", "aws/r1/z1", "aws/r1/z2", "aws/r2", "aws/r2/z3", "b", "s"})
	eq(t, "region r1", downAfter(t, m, "aws/r1"), []string{"a", "aws/r1", "aws/r1/z1", "aws/r1/z2", "s"})
	eq(t, "zone z3", downAfter(t, m, "aws/r2/z3"), []string{"aws/r2/z3", "b"})
}

func TestPropagateIncrementalEqualsJoint(t *testing.T) {
	m := model(t, `
svc s 1
res x
res y
res z
grp g 2 x y z
need s g
`)
	p := newPropagator(m)
	p.fail(idx(t, m, "x")...)
	p.fail(idx(t, m, "y")...)
	if !p.down[idx(t, m, "s")[0]] {
		t.Fatal("x then y should equal x and y")
	}
	p.reset()
	for i, d := range p.down {
		if d || p.hits[i] != 0 {
			t.Fatalf("reset left node %d touched", i)
		}
	}
}
