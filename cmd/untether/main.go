// Command untether maps cloud dependencies into one graph, simulates
// outages, and scores blast radius, single points of failure and lock-in.
package main

import (
	"os"

	"github.com/untether-dev/untether/cmd"
)

func main() { os.Exit(cmd.Main()) }
