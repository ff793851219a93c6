package simulate

import "testing"

func TestAvailabilityCatalogBuiltin(t *testing.T) {
	c := DefaultAvailabilityCatalog()
	t.Logf("%d products %d placements default %v", len(c.Products), len(c.Placements), c.Default)
}
