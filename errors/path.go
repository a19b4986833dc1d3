package errors

import "strconv"

// Path says where a value lies in a call's input, written with the JSON names of the library's types,
// as Kubernetes' field.Path does: "periode.slutdato" is the end date of the command's period,
// "eksterneReferencer[1].vaerdi" the value of its second external reference. A path that starts with
// "borger." lies in the citizen the caller supplied ("borger.kontaktgrupper[2]"), and "nu" and
// "aktoer" are the call's context (dfdg.At). The empty Path is the call as a whole.
type Path string

// Child returns p followed by the field name.
func (p Path) Child(name string) Path {
	if p == "" {
		return Path(name)
	}
	return p + "." + Path(name)
}

// Index returns p followed by the position i in a list, "[i]".
func (p Path) Index(i int) Path { return p + "[" + Path(strconv.Itoa(i)) + "]" }
