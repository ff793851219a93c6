package azure

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// row is one Resource Graph row as the query projects it (objectArray
// format). Properties stay raw: each mapper reads only the fields that
// carry placement or redundancy.
type row struct {
	ID             string          `json:"id"`
	Name           string          `json:"name"`
	Type           string          `json:"type"`
	Location       string          `json:"location"`
	SubscriptionID string          `json:"subscriptionId"`
	ResourceGroup  string          `json:"resourceGroup"`
	Kind           string          `json:"kind"`
	SKU            *sku            `json:"sku"`
	Zones          []string        `json:"zones"`
	Tags           map[string]any  `json:"tags"`
	Properties     json.RawMessage `json:"properties"`
}

// sku is the ARM sku block; capacity is a count where the type has one.
type sku struct {
	Name     string   `json:"name"`
	Tier     string   `json:"tier"`
	Capacity *float64 `json:"capacity"`
}

func (r *row) skuName() string {
	if r.SKU == nil {
		return ""
	}
	return r.SKU.Name
}

// props decodes the row's properties into v; a row whose properties do not
// have the expected shape is mapped without them (the error says where).
func (r *row) props(v any) error {
	if len(r.Properties) == 0 || string(r.Properties) == "null" {
		return nil
	}
	if err := json.Unmarshal(r.Properties, v); err != nil {
		return fmt.Errorf("properties of %s: %w", r.ID, err)
	}
	return nil
}

// page is one Resource Graph answer; rows are decoded one by one so one
// odd row costs its odd fields, not the page.
type page struct {
	Data []json.RawMessage `json:"data"`
}

// decodePage reads a page strictly enough that a malformed one is caught
// (data that is not an array of objects, rows without an id or type). A
// row whose columns have unexpected types keeps its identity and loses the
// rest; odd counts them.
func decodePage(body []byte) (rows []row, odd int, err error) {
	var p page
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, 0, fmt.Errorf("malformed Resource Graph page: %w", err)
	}
	rows = make([]row, len(p.Data))
	for i, raw := range p.Data {
		r := &rows[i]
		if err := json.Unmarshal(raw, r); err != nil {
			var id struct {
				ID, Name, Type, Location string
				SubscriptionID           string `json:"subscriptionId"`
			}
			if json.Unmarshal(raw, &id) != nil {
				return nil, 0, fmt.Errorf("malformed Resource Graph page: row %d is not an object", i)
			}
			*r = row{ID: id.ID, Name: id.Name, Type: id.Type, Location: id.Location, SubscriptionID: id.SubscriptionID}
			odd++
		}
		if strings.TrimSpace(r.ID) == "" || r.Type == "" {
			return nil, 0, fmt.Errorf("malformed Resource Graph page: row %d has no id or type", i)
		}
		r.Type = strings.ToLower(r.Type)
	}
	return rows, odd, nil
}

// region normalises an ARM location ("East US", "eastus") to its name.
func region(loc string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(loc), " ", ""))
}

// tagString turns a tag value into text (Resource Graph gives strings;
// anything else is kept readable, never dropped).
func tagString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// armID normalises an ARM id for lookups: ARM ids are case-insensitive and
// references inside properties often differ in case from the id itself.
func armID(id string) string { return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(id), "/")) }

// parentID is the id of the resource an ARM child id belongs to
// (".../servers/a/databases/b" -> ".../servers/a").
func parentID(id string) string {
	i := strings.LastIndex(id, "/")
	if i <= 0 {
		return ""
	}
	j := strings.LastIndex(id[:i], "/")
	if j <= 0 {
		return ""
	}
	return id[:j]
}

// subscriptionOf is the subscription id inside an ARM id.
func subscriptionOf(id string) string {
	parts := strings.Split(id, "/")
	for i := 0; i+1 < len(parts); i++ {
		if strings.EqualFold(parts[i], "subscriptions") {
			return parts[i+1]
		}
	}
	return ""
}
