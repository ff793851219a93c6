package redact

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	secret := []string{
		"db_password", "DB_PASSWORD", "DBPassword", "dbPassword", "password", "Passwd", "admin_pwd", "db_pass",
		"api_token", "apiToken", "API-TOKEN", "x-api-key", "api_key", "ApiKey", "APIKEY", "access_key",
		"AWS_SECRET_ACCESS_KEY", "client_secret", "aws:secretsmanager:arn", "PrivateKey", "private_key",
		"ssh_key", "key", "AccountKey", "storage_account_key", "primary_access_key", "sas_token", "sas",
		"connection_string", "ConnectionString", "connectionString", "conn_str", "db_conn_uri", "database_dsn",
		"DSN", "credentials", "gcp_creds", "auth", "basic_auth", "Authorization", "cookie", "session_cookie",
		"signature", "user_data", "UserData", "custom_data", "webhook_secret", "passphrase", "otp",
	}
	plain := []string{
		"Name", "name", "env", "environment", "team", "service", "owner", "cost-center", "tier",
		"key_name", "KeyName", "kms_key_id", "key_usage", "hash_key", "range_key", "partition_key",
		"sort_key", "author", "passenger", "monkey", "authority_count", "connection_draining", "user",
		"data", "signing_region", "keystone", "Description", "aws:cloudformation:stack-name",
	}
	for _, k := range secret {
		if !Key(k) {
			t.Errorf("Key(%q) = false, want true", k)
		}
	}
	for _, k := range plain {
		if Key(k) {
			t.Errorf("Key(%q) = true, want false", k)
		}
	}
}

func TestValue(t *testing.T) {
	secret := []string{
		"postgres://admin:pw@orders", "mysql://root:hunter2@10.0.0.5:3306/db", "amqp://guest:guest@mq:5672/",
		"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=dGhpcyBpcyBub3QgYSBrZXk=;EndpointSuffix=core.windows.net",
		"Server=tcp:db.database.windows.net;Database=orders;User ID=app;Password=Sup3r;",
		"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc123=",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "-----BEGIN OPENSSH PRIVATE KEY-----",
		"AKIAIOSFODNN7EXAMPLE", "key id ASIAIOSFODNN7EXAMPLE in use",
		"ghp_0123456789abcdefghijABCDEFGHIJ0123456789", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
		"xoxb-123456789012-1234567890123-abcdefABCDEF", "https://hooks.slack.com/services/T000/B000/XXXX",
		"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AIzaSyA-1234567890abcdefghijklmnopqrstu",
		"glpat-abcdefghijklmnopqrst1234",
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
		"Bearer abcdefghijklmnop0123456789", "https://acme.blob.core.windows.net/c/b?sv=2022-11-02&sig=abcdEFGH1234ijkl%2Bmnop",
		"https://b.s3.amazonaws.com/k?X-Amz-Signature=0123456789abcdef0123456789abcdef",
	}
	plain := []string{
		"", "web", "checkout", "prod", "payments-team", "https://example.com/path", "arn:aws:rds:us-east-1:111122223333:db:orders",
		"user@example.com", "git@github.com:org/repo.git", "key=value", "a=b;c=d", "postgres://db.internal:5432/orders",
		"projects/p/zones/us-central1-a/instances/vm-1", "Bearer", "alias/aws/rds",
	}
	for _, v := range secret {
		if !Value(v) {
			t.Errorf("Value(%q) = false, want true", v)
		}
	}
	for _, v := range plain {
		if Value(v) {
			t.Errorf("Value(%q) = true, want false", v)
		}
	}
}

// Hostile tags: every secret goes, every key and every plain value stays.
func TestTagsAndAttrs(t *testing.T) {
	tags := Tags(map[string]string{
		"Name": "web", "team": "payments", "db_password": "hunter2", "api_token": "t0k3n-value",
		"connection_string": "Server=x;Password=y", "notes": "postgres://admin:pw@orders", "env": "prod",
	})
	for k, want := range map[string]string{"Name": "web", "team": "payments", "env": "prod", "db_password": Redacted,
		"api_token": Redacted, "connection_string": Redacted, "notes": Redacted} {
		if tags[k] != want {
			t.Errorf("tags[%q] = %q, want %q", k, tags[k], want)
		}
	}
	attrs := Attrs(map[string]any{
		"engine": "postgres", "multi_az": true, "master_password": "s3cr3t", "size": 3.0,
		"environment": map[string]any{"variables": map[string]any{"DATABASE_URL": "postgres://u:p@h/db", "MODE": "live"}},
		"endpoints":   []any{"https://ok.example.com", "amqp://u:secretpw@mq"},
		"private_key": map[string]any{"pem": "x"},
	})
	if attrs["engine"] != "postgres" || attrs["multi_az"] != true || attrs["size"] != 3.0 {
		t.Errorf("plain attrs changed: %v", attrs)
	}
	if attrs["master_password"] != Redacted || attrs["private_key"] != Redacted {
		t.Errorf("secret attrs kept: %v", attrs)
	}
	vars := attrs["environment"].(map[string]any)["variables"].(map[string]any)
	if vars["DATABASE_URL"] != Redacted || vars["MODE"] != "live" {
		t.Errorf("nested: %v", vars)
	}
	if eps := attrs["endpoints"].([]any); eps[0] != "https://ok.example.com" || eps[1] != Redacted {
		t.Errorf("list: %v", eps)
	}
	if String("Name", "web") != "web" || String("db_password", "x") != Redacted {
		t.Error("String")
	}
}

func TestSplitWords(t *testing.T) {
	for in, want := range map[string]string{
		"DBPassword": "db password", "apiToken": "api token", "x-api-key": "x api key",
		"AWS_SECRET_ACCESS_KEY": "aws secret access key", "ConnectionString": "connection string",
		"aws:cloudformation:stack-name": "aws cloudformation stack name", "ID2Name": "id2 name", "": "",
	} {
		if got := strings.Join(splitWords(in), " "); got != want {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkTags(b *testing.B) {
	tags := map[string]string{"Name": "web-0042", "team": "payments", "env": "prod", "service": "checkout",
		"cost-center": "cc-1234", "owner": "alice@example.com"}
	for b.Loop() {
		Tags(tags)
	}
}
