package codelist

import (
	"strings"
	"testing"

	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded code data is read at first use and a malformed file stops the program (see
// documentation), so parseDocumented must refuse every defect a maintainer can make in the three
// files, and say which file and row.
func TestParseDocumentedRefusesMalformedData(t *testing.T) {
	const (
		sources = "# list: x\nkey,page,address\nA,Side A,https://a\nB,Side B,https://b\n"
		header  = "code,also,area,text,when,sources\n"
		none    = "code,why\n"
	)
	good := header + "4405,60007,KSD,Død,altid,A\n4700,,KSD,Andet,altid,A\n60007,4405,REST,Dead,always,B\n"
	d, err := parseDocumented([]byte(good), []byte(sources), []byte(none+"4700,no kind has it\n"))
	require.NoError(t, err)
	require.Len(t, d.codes, 3)
	assert.Equal(t, dfdgerrors.Code(60007), d.codes[0].Also)
	assert.Equal(t, "no kind has it", d.codes[1].NotReturned)

	for _, c := range []struct{ name, codes, sources, notReturned, want string }{
		{"sources header", good, "key,page\nA,x\n", none, "dfdg-sources.csv: header is not [key page address]"},
		{"codes header", "code,also\n1,2\n", sources, none, "dfdg-codes.csv: header is not"},
		{"not-returned header", good, sources, "code\n", "dfdg-not-returned.csv: header is not"},
		{"code", header + "4405,,a,t,w,A\nx1,,a,t,w,A\n", sources, none, `dfdg-codes.csv row 2: "x1" is not a code`},
		{"zero code", header + "0,,a,t,w,A\n", sources, none, `dfdg-codes.csv row 1: "0" is not a code`},
		{"also", header + "4405,,a,t,w,A\n4406,y,a,t,w,A\n", sources, none, `dfdg-codes.csv row 2: "y" is not a code`},
		{"source", header + "4405,,a,t,w,A\n4406,,a,t,w,\"A, C\"\n", sources, none, `dfdg-codes.csv row 2: unknown source " C"`},
		{"also changes", header + "4405,,a,t,w,A\n4405,60007,a,t2,w,A\n", sources, none, "dfdg-codes.csv row 2: code 4405 with another also than before"},
		{"order", header + "4405,,a,t,w,A\n4406,,a,t,w,A\n4400,,a,t,w,A\n", sources, none, "dfdg-codes.csv row 3: code 4400 out of order"},
		{"not-returned code", good, sources, none + "4700,x\nz,y\n", `dfdg-not-returned.csv row 2: "z" is not a code`},
		{"not-returned undocumented", good, sources, none + "4700,x\n4701,y\n", "dfdg-not-returned.csv row 2: code 4701 is not documented"},
		{"not-returned without why", good, sources, none + "4700,\n", "dfdg-not-returned.csv row 1: code 4700 is not documented, has no reason"},
		{"not-returned twice", good, sources, none + "4700,x\n4700,y\n", "dfdg-not-returned.csv row 2: code 4700 is not documented, has no reason or has two"},
		{"also not named back", header + "4405,60007,a,t,w,A\n60007,,a,t,w,A\n", sources, none, "dfdg-codes.csv: 4405 names 60007 as also, and 60007 does not name it back"},
		{"also undocumented", header + "4405,60007,a,t,w,A\n", sources, none, "dfdg-codes.csv: 4405 names 60007 as also"},
	} {
		_, err := parseDocumented([]byte(c.codes), []byte(c.sources), []byte(c.notReturned))
		if assert.Error(t, err, c.name) {
			assert.True(t, strings.HasPrefix(err.Error(), c.want), "%s: %v", c.name, err)
		}
	}
}
