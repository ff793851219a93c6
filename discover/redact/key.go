package redact

import (
	"strings"
	"sync"
)

// secretFragments name a secret wherever they appear in a key, even inside
// a longer word (DBPASSWORD, x-apitoken, aws:secretsmanager).
var secretFragments = []string{"password", "passwd", "passphrase", "secret", "token", "credential",
	"apikey", "privatekey", "accesskey", "accountkey", "masterkey", "sharedkey", "signingkey",
	"sshkey", "connectionstring", "connstr"}

// secretWords name a secret only as a whole word of the key (so "pass"
// and "auth" do, "passenger" and "author" do not).
var secretWords = toSet("pwd", "pass", "auth", "authorization", "bearer", "cookie", "cookies",
	"signature", "sig", "dsn", "cred", "creds", "salt", "sas", "userdata", "customdata", "otp")

// notSecretKeys qualify a final "key" that names no secret: a table's
// partition key, a routing key.
var notSecretKeys = toSet("hash", "range", "sort", "partition", "foreign", "shard", "routing",
	"dedup", "deduplication", "idempotency", "cache", "group", "lookup")

// keyCache remembers the verdict on keys already seen: sources repeat the
// same few tag keys millions of times. It stops growing at a bound, so
// hostile input with endless distinct keys costs time, never memory.
var keyCache = struct {
	sync.RWMutex
	m map[string]bool
}{m: map[string]bool{}}

const keyCacheMax = 1 << 14

// Key reports whether a tag or attribute key names a secret.
func Key(key string) bool {
	keyCache.RLock()
	v, ok := keyCache.m[key]
	keyCache.RUnlock()
	if ok {
		return v
	}
	v = secretKey(key)
	keyCache.Lock()
	if len(keyCache.m) < keyCacheMax {
		keyCache.m[key] = v
	}
	keyCache.Unlock()
	return v
}

func secretKey(key string) bool {
	lower := strings.ToLower(key)
	for _, f := range secretFragments {
		if strings.Contains(lower, f) {
			return true
		}
	}
	words := splitWords(key)
	for i, w := range words {
		if secretWords[w] {
			return true
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "connection", "conn":
			if next == "string" || next == "str" || next == "uri" || next == "url" {
				return true
			}
		case "user", "custom":
			if next == "data" {
				return true
			}
		}
	}
	// A key ending in "key" names one (ssh_key, x-api-key, AccountKey)
	// unless it is a partition key or the like; key_name and kms_key_id end
	// in another word and stay readable.
	if n := len(words); n > 0 && (words[n-1] == "key" || words[n-1] == "keys") {
		return n == 1 || !notSecretKeys[words[n-2]]
	}
	return false
}

// splitWords splits a key into lower-case words at every non-alphanumeric
// character and at camel-case boundaries: "DBPassword" -> db, password;
// "x-api-key" -> x, api, key.
func splitWords(key string) []string {
	var words []string
	start := -1
	isUpper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	isLower := func(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }
	for i := 0; i <= len(key); i++ {
		alnum := i < len(key) && (isUpper(key[i]) || isLower(key[i]))
		boundary := !alnum
		if alnum && start >= 0 && isUpper(key[i]) {
			// fooBar: a capital after a lower-case letter starts a word;
			// DBPassword: the last capital of a run before a lower-case one.
			prev := key[i-1]
			boundary = isLower(prev) || (isUpper(prev) && i+1 < len(key) && 'a' <= key[i+1] && key[i+1] <= 'z')
		}
		if boundary && start >= 0 {
			words = append(words, strings.ToLower(key[start:i]))
			start = -1
		}
		if alnum && start < 0 {
			start = i
		}
	}
	return words
}

func toSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
