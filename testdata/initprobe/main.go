// Command initprobe imports every package of the library and does nothing: TestInitCostsNothing runs
// it with GODEBUG=inittrace=1 to see what importing them costs at start-up.
package main

import (
	_ "github.com/regelkit/dfdg/absence"
	_ "github.com/regelkit/dfdg/activity"
	_ "github.com/regelkit/dfdg/audit"
	_ "github.com/regelkit/dfdg/codelist"
	_ "github.com/regelkit/dfdg/contactgroup"
	_ "github.com/regelkit/dfdg/errors"
	_ "github.com/regelkit/dfdg/gdpr"
	_ "github.com/regelkit/dfdg/plan"
)

func main() {}
