package activity_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// DFDG 8032 "Den angivne jobtilbudType er ikke gyldig" (the activity REST service, starwiki page
// 4359291232): an activity, new or updated, naming a job-offer type that a complete list does not
// hold. The embedded list is empty and not complete, so only a list the caller loads makes it.
func TestCode8032_ActivityWithAnUnknownJobOfferType(t *testing.T) {
	cat, err := codelist.Load(fstest.MapFS{"jobtilbudtyper.csv": {Data: []byte("# list: jobtilbudtyper\n# complete: ja\n# source: a test\nid,name\n1,Virksomhedspraktik\n")}})
	require.NoError(t, err)
	loaded := activity.Rules{Catalog: cat}
	a := dfdg.Activity{ID: "a-1", Type: 7, Description: "Praktik", Period: period("2025-10-01", "2025-10-31"), JobOfferType: 3}
	c := dagpengemodtager(jobplan)
	_, err = loaded.Create(atKbh, c, a)
	e, ok := dfdgerrors.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, dfdgerrors.ErrJobOfferTypeInvalid, e.Kind())
	assert.Equal(t, dfdgerrors.Code(8032), e.Code())
	assert.Equal(t, "Den angivne jobtilbudType er ikke gyldig", e.Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("jobtilbudType"), e.Field())
	assert.Equal(t, "3", e.Value())
	_, err = loaded.Update(atKbh, dagpengemodtager(jobplan, a), a)
	assert.ErrorIs(t, err, dfdgerrors.ErrJobOfferTypeInvalid, "an update too")

	a.JobOfferType = 1
	_, err = loaded.Create(atKbh, c, a)
	assert.NoError(t, err)
	a.JobOfferType = 0
	_, err = loaded.Create(atKbh, c, a)
	assert.NoError(t, err, "no job-offer type is not an invalid one")
	a.JobOfferType = 3
	_, err = rules.Create(atKbh, c, a)
	assert.NoError(t, err, "the embedded list is not complete: 3 is not known to be wrong")
}
