package inventory

import (
	"bytes"
	"testing"

	"github.com/untether-dev/untether/discover/redact"
)

// An inventory file is a source like any other: its secret-looking tags and
// attributes never reach the estate.
func TestInventorySecretsAreRedacted(t *testing.T) {
	src := `untether_inventory: 1
resources:
  - id: db
    kind: database
    provider: onprem
    region: dc1
    tags: {team: erp, db_password: hunter2-inv, api_token: tok-inv-123}
    attrs: {engine: oracle, connection_string: "Server=x;Password=pw-inv", notes: "postgres://app:pw-url@db"}
services:
  - id: erp
    tags: {owner: erp-team, slack_webhook_secret: hook-inv-456}
    entry: [db]
`
	inv, err := Parse([]byte(src), "inv.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, err := inv.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := encode(t, e)
	for _, secret := range []string{"hunter2-inv", "tok-inv-123", "pw-inv", "pw-url", "hook-inv-456"} {
		if bytes.Contains(out, []byte(secret)) {
			t.Errorf("secret %q reached the estate", secret)
		}
	}
	for _, kept := range []string{`"team":"erp"`, `"engine":"oracle"`, `"owner":"erp-team"`, `"db_password":"` + redact.Redacted + `"`} {
		if !bytes.Contains(out, []byte(kept)) {
			t.Errorf("%s missing from the estate", kept)
		}
	}
}
