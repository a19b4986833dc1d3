package errors

// Kinds returns every entry of the catalogue, in order, for the tests that go through all of them.
func Kinds() []Kind {
	ks := make([]Kind, 0, numKinds-1)
	for k := Kind(1); k < numKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}

// Translated reports which of k's texts are the library's translation (errorJSON's "oversat").
func (k Kind) Translated() (danish, english bool) {
	t := k.entry().translated
	return t&translatedDanish != 0, t&translatedEnglish != 0
}

// MaxValue is the most bytes of an offending value an Error gives.
const MaxValue = maxValue

// KindByCode and KindByReason look a Kind up as FromDFDG and UnmarshalJSON do.
var KindByCode, KindByReason = kindByCode, kindByReason
