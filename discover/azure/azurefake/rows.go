package azurefake

import (
	"encoding/json"
	"strings"
)

// Row is one Resource Graph row (objectArray format).
type Row struct {
	ID           string
	Subscription string
	JSON         json.RawMessage
}

// Resource builds a row from its columns; id, type and location are
// required, props is the resource's properties block (ARM's own JSON).
type Resource struct {
	Sub, Group, Type, Name, Location, Kind string
	// ID replaces the id built from Sub, Group, Type and Name (children).
	ID    string
	Zones []string
	SKU   map[string]any
	Tags  map[string]string
	Props map[string]any
}

// Row renders the resource as Resource Graph answers it: type lowercase,
// location a region name, id in ARM's own case.
func (r Resource) Row() Row {
	id := r.ID
	if id == "" {
		id = "/subscriptions/" + r.Sub + "/resourceGroups/" + r.Group + "/providers/" + r.Type + "/" + r.Name
	}
	cols := map[string]any{
		"id": id, "name": r.Name, "type": strings.ToLower(r.Type), "location": r.Location,
		"subscriptionId": r.Sub, "resourceGroup": strings.ToLower(r.Group), "kind": r.Kind,
		"sku": r.SKU, "zones": r.Zones, "tags": r.Tags, "properties": r.Props,
	}
	b, err := json.Marshal(cols)
	if err != nil {
		panic(err) // fixtures are literals; a failure is a bug in the test
	}
	return Row{ID: id, Subscription: r.Sub, JSON: b}
}

// SubscriptionRow is the resourcecontainers row of a subscription.
func SubscriptionRow(sub, name string) Row {
	return Resource{ID: "/subscriptions/" + sub, Sub: sub, Type: "microsoft.resources/subscriptions", Name: name,
		Props: map[string]any{"state": "Enabled"}}.Row()
}

// ID is the ARM id a Resource row gets.
func ID(sub, group, typ, name string) string {
	return "/subscriptions/" + sub + "/resourceGroups/" + group + "/providers/" + typ + "/" + name
}
