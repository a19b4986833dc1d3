package errors

// FromDFDG turns an error code and text DFDG answered with (a SOAP fault's code and FaultString, or a
// REST body's code and text) into the library's error, so that one errors.Is handles a rejection
// whether the library's pre-validation or DFDG gave it:
//
//	err := dfdgerrors.FromDFDG(4644, "Borger har allerede en åben kontaktgruppe")
//	errors.Is(err, dfdgerrors.ErrContactGroupOpen) // true, as for the library's own 4644
//
// A code the library has a Kind for gives that Kind; any other code gives ErrDFDGAnswer, which carries
// the code (Error.Code) and matches it with errors.Is(err, dfdgerrors.Code(4703)). Either way
// the text DFDG gave is the Error's detail, unless it is the catalogue's own text. A code DFDG
// documents under two numbers matches both (see codelist.Documented). The text is masked like every text an
// Error gives.
func FromDFDG(code Code, text string) *Error {
	k := kindForAnswer(code)
	e := New(k, "", "", "")
	if code != k.Code() {
		e.code = code
	}
	if text != "" && text != k.Danish() && text != k.English() {
		e = e.WithDetail(text, text)
	}
	return e
}

// kindForAnswer returns the Kind for a code DFDG answered with: the one with that code, or with the
// code documented for the same condition, or ErrDFDGAnswer.
func kindForAnswer(code Code) Kind {
	if k, ok := kindByCode(code); ok {
		return k
	}
	if k, ok := kindByCode(sameAs(code)); ok {
		return k
	}
	return ErrDFDGAnswer
}

// sameAs returns the code DFDG documents for the same condition as c in its other numbering (the
// newer REST codes beside the older ones, 60007 beside 4405), or 0. codelist.Documented gives the
// same pairs as Documentation.Also, from the documentation's data, and a test there holds the two
// alike; the pairs are written here so that matching a code needs no parsing.
func sameAs(c Code) Code {
	for _, p := range sameConditionCodes {
		switch c {
		case p[0]:
			return p[1]
		case p[1]:
			return p[0]
		}
	}
	return 0
}

var sameConditionCodes = [...][2]Code{
	{4405, 60007}, {4708, 90000}, {4709, 90001}, {4768, 90036}, {4783, 90002}, {4792, 90004},
	{4805, 90005}, {4856, 90006}, {4857, 90007}, {8125, 90009}, {8126, 90010}, {8127, 90014},
}

// sameCondition reports whether codes a and b are one condition: equal, or documented as each
// other's (see sameAs).
func sameCondition(a, b Code) bool {
	if a == b {
		return a != 0
	}
	return a != 0 && b != 0 && sameAs(a) == b
}
