// Package redact is the one rule that keeps secrets out of estates: every
// source (Terraform, AWS, GCP, Azure, inventory files) passes the tags and
// attributes it records through it.
//
// What goes in: a key and its value (a tag, an attribute).
// What comes out: the value unchanged, or Redacted when the key names a
// secret (db_password, apiToken, connection_string, ssh_key, ...) or the
// value looks like one whatever its key (a URL with a password, a connection
// string with AccountKey= or Password=, a PEM private key, a cloud access key
// id, a GitHub, Slack, Stripe or Google API token, a JWT, a bearer header, a
// SAS signature).
//
// What always holds: the key is kept, so reports can say a value existed and
// was withheld; keys such as Name, env, team or kms_key_id are not secrets
// and stay readable. The rule is deliberately eager on keys: a tag wrongly
// withheld costs a little context, a secret written to a report costs a
// credential rotation.
package redact
