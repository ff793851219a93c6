package aws

import (
	"reflect"
	"testing"

	"github.com/untether-dev/untether/discover"
)

// The runner's settings (concurrency, timeouts, retries, paging, deadline,
// progress) are one set, discover.RunOptions: Options carries it as Run and
// repeats none of its fields, so the two can never disagree.
func TestOptionsRepeatNoRunnerSetting(t *testing.T) {
	run := reflect.TypeFor[discover.RunOptions]()
	opt := reflect.TypeFor[Options]()
	for f := range run.Fields() {
		if _, dup := opt.FieldByName(f.Name); dup {
			t.Errorf("aws.Options repeats discover.RunOptions.%s; set it through Options.Run", f.Name)
		}
	}
	if f, ok := opt.FieldByName("Run"); !ok || f.Type != run {
		t.Error("aws.Options has no Run discover.RunOptions")
	}
}
