package errors

import (
	"bytes"
	"encoding/json"

	"github.com/regelkit/dfdg/internal/mask"
)

// errorJSON is the wire form of an Error, as the test double and the scenario runner print it.
type errorJSON struct {
	Code     Code   `json:"kode,omitempty"`
	Reason   string `json:"aarsag"`
	Rule     RuleID `json:"regel,omitempty"`
	Text     string `json:"tekst"`
	TextEN   string `json:"tekstEn"`
	Field    Path   `json:"felt,omitempty"`
	Value    string `json:"vaerdi,omitempty"`
	Detail   string `json:"detalje,omitempty"`
	DetailEN string `json:"detaljeEn,omitempty"`
	// Translated names the texts ("tekst", "tekstEn") that are the library's translation, where DFDG
	// documents the code's text only in the other language.
	Translated []string `json:"oversat,omitempty"`
}

// MarshalJSON writes e with its code, reason, rule, texts, field, value and detail, each masked (see
// dfdg.MaskCPR). The texts are the catalogue's: DFDG's documented wording (or the release note's) verbatim,
// except those "oversat" names, which the library translated; the detail is beside them.
func (e *Error) MarshalJSON() ([]byte, error) {
	k := e.Kind()
	da, en := e.Detail()
	return json.Marshal(errorJSON{
		Code: e.Code(), Reason: k.Reason(), Rule: RuleID(mask.CPR(string(e.Rule()))),
		Text: k.Danish(), TextEN: k.English(),
		Field: e.Field(), Value: e.Value(), Detail: da, DetailEN: en,
		Translated: k.entry().translated.fields(),
	})
}

// UnmarshalJSON reads what MarshalJSON writes. The kind comes from the reason, or from the code when
// there is no reason; the texts are the catalogue's, whatever the JSON says.
func (e *Error) UnmarshalJSON(b []byte) error {
	if e == nil {
		return errNilPointer()
	}
	var w errorJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return err
	}
	var k Kind
	switch {
	case w.Reason != "" && w.Reason != unknownReason:
		var ok bool
		if k, ok = kindByReason(w.Reason); !ok {
			return unknownKind(w.Reason)
		}
	case w.Code != 0:
		k = kindForAnswer(w.Code)
	}
	if w.Code != 0 && w.Code != k.Code() && k != ErrDFDGAnswer && !sameCondition(k.Code(), w.Code) {
		return New(ErrInvalidValue, "", "kode", w.Code.Error()).WithDetail("koden hører ikke til årsagen "+w.Reason, "the code does not belong to the reason "+w.Reason)
	}
	*e = Error{kind: k, rule: encodeRule(w.Rule)}
	if w.Field != "" || w.Value != "" || w.Detail != "" || w.DetailEN != "" || e.rule == 0 && w.Rule != "" {
		e.cause = &plain{field: w.Field, value: w.Value, detail: texts{w.Detail, w.DetailEN}}
		if e.rule == 0 {
			e.cause.(*plain).rule = w.Rule
		}
	}
	if w.Code != k.Code() {
		e.code = w.Code
	}
	return nil
}

// errNilPointer is the rejection of an UnmarshalJSON called on a nil pointer.
func errNilPointer() *Error {
	return New(ErrInvalidValue, "", "", "").WithDetail("kan ikke læse ind i en nil-pointer", "cannot read into a nil pointer")
}
