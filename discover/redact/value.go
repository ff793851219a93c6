package redact

import (
	"regexp"
	"strings"
)

// A valuePattern is a secret format and the plain substrings any match
// must contain: most values contain none of them, so they are never
// scanned by the expression.
type valuePattern struct {
	needs []string // any one of them, compared case-sensitively
	re    *regexp.Regexp
}

var valuePatterns = []valuePattern{
	// a URL with a password: postgres://admin:pw@db, amqp://u:p@mq
	{[]string{"://"}, regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:[^/\s@]+@`)},
	// connection strings: AccountKey=..., Password=...;, SharedAccessKey=...
	{[]string{"="}, regexp.MustCompile(`(?i)(?:^|[;\s])(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|secret|token|apikey|api_key)\s*=\s*[^;\s]`)},
	// a private key
	{[]string{"PRIVATE KEY"}, regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY`)},
	// AWS access key ids
	{[]string{"AKIA", "ASIA", "AROA", "AIDA"}, regexp.MustCompile(`\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b`)},
	// GitHub, Slack, Stripe, Google API, GitLab and npm tokens
	{[]string{"gh", "github_pat_"}, regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{20,}`)},
	{[]string{"xox", "hooks.slack.com"}, regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{10,}|hooks\.slack\.com/services/`)},
	{[]string{"k_live_", "k_test_"}, regexp.MustCompile(`\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}`)},
	{[]string{"AIza"}, regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{30,}`)},
	{[]string{"glpat-", "npm_"}, regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}|\bnpm_[A-Za-z0-9]{30,}`)},
	// a JWT
	{[]string{"eyJ"}, regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`)},
	// an Authorization header value
	{[]string{"earer", "EARER", "asic", "ASIC"}, regexp.MustCompile(`(?i)\b(?:bearer|basic)\s+[A-Za-z0-9._~+/=-]{16,}`)},
	// a SAS or presigned URL signature (also caught by "=" above when it
	// starts the value; here anywhere in a URL)
	{[]string{"sig=", "Signature="}, regexp.MustCompile(`[?&](?:sig|X-Amz-Signature|X-Goog-Signature)=[A-Za-z0-9%+/=]{16,}`)},
}

// Value reports whether a value looks like a secret whatever its key.
func Value(v string) bool {
	// Nothing shorter than "pwd=x" or "a://:p@" can match.
	if len(v) < 5 {
		return false
	}
	for _, p := range valuePatterns {
		for _, n := range p.needs {
			if strings.Contains(v, n) {
				if p.re.MatchString(v) {
					return true
				}
				break
			}
		}
	}
	return false
}
