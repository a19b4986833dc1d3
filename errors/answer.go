package errors

// FromDFDG turns an error code and text DFDG answered with (a SOAP fault's code and FaultString, or a
// REST body's code and text) into the library's error, so that one errors.Is handles a rejection
// whether the library's pre-validation or DFDG gave it:
//
//	err := dfdgerrors.FromDFDG(4644, "Borger har allerede en åben kontaktgruppe")
//	errors.Is(err, dfdgerrors.ErrContactGroupOpen) // true, as for the library's own 4644
//
// A code the library has a Kind for gives that Kind; any other code gives ErrDFDGAnswer, which carries
// the code (Error.Code, CodeOf) and matches it with errors.Is(err, dfdgerrors.Code(4703)). Either way
// the text DFDG gave is the Error's detail, unless it is the catalogue's own text. A code DFDG
// documents under two numbers matches both (see Documented). The text is masked like every text an
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
	if k, ok := KindByCode(code); ok {
		return k
	}
	if d, ok := Documented(code); ok && d.Also != 0 {
		if k, ok := KindByCode(d.Also); ok {
			return k
		}
	}
	return ErrDFDGAnswer
}
