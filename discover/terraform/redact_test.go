package terraform

import (
	"bytes"
	"testing"

	"github.com/untether-dev/untether/graph"
)

// Tags and labels pass through the shared redaction rule (discover/redact):
// the hostile keys of issue 14 and secret-looking values under plain keys.
func TestTagSecretsAreRedacted(t *testing.T) {
	state := `{"version": 4, "terraform_version": "1.6.0", "resources": [
	  {"mode": "managed", "type": "aws_instance", "name": "web", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
	   "instances": [{"attributes": {"id": "i-1", "availability_zone": "us-east-1a", "instance_type": "t3.micro",
	     "tags": {"Name": "web", "team": "payments", "db_password": "tf-hunter2", "api_token": "tf-tok-123",
	              "connection_string": "Server=db;Password=tf-pw", "notes": "postgres://app:tf-url-pw@db"}}}]},
	  {"mode": "managed", "type": "google_compute_instance", "name": "vm", "provider": "provider[\"registry.terraform.io/hashicorp/google\"]",
	   "instances": [{"attributes": {"id": "projects/p/zones/us-central1-a/instances/vm", "zone": "us-central1-a",
	     "labels": {"env": "prod", "deploy_key": "tf-label-key-789"}}}]}]}`
	est, err := Decode([]byte(state), "hostile.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := graph.Encode(&buf, est); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"tf-hunter2", "tf-tok-123", "tf-pw", "tf-url-pw", "tf-label-key-789"} {
		if bytes.Contains(buf.Bytes(), []byte(secret)) {
			t.Errorf("secret %q reached the estate", secret)
		}
	}
	for _, kept := range []string{`"team":"payments"`, `"env":"prod"`, `"db_password":"redacted"`} {
		if !bytes.Contains(buf.Bytes(), []byte(kept)) {
			t.Errorf("%s missing from the estate", kept)
		}
	}
}
