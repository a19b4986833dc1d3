// Package codelist holds DFDG's code lists as data: contact groups, registration categories, absence
// types with their overlap policy, municipalities, the state-pension-age table and the others the
// rules read. Each list is a CSV file under data/, embedded in the library, with a header that names
// its source, the date it was gathered, and whether it is complete:
//
//	# list: kontaktgrupper
//	# complete: nej
//	# retrieved: 2026-11-26
//	# source: DFDG release note, items 1.2, 1.4, 1.6, 2.2 and 3.1
//	id,name,description,valid_from,inactive_from,source
//	26,Overgangsydelsesmodtager efter LAB (udgår 1.7.2025),,,2025-07-01,note 1.4
//
// Every id and name comes from the release note or from public documentation; where DFDG's id of a
// value is not public, the value is not listed, and the list says so. A list known only in part is
// not Complete: an id it does not hold is "not known here" and the rules accept it. An id a complete
// list does not hold (the 98 municipalities) is invalid.
//
// Inactive entries stay in the lists with their inactive-from date (rules 1.4 and 2.6): List.ActiveOn
// gives what a drop-down shows on a day, List.CheckNew rejects an inactive entry for a new
// registration, and old records that carry one are still read.
//
// Beside the lists are two tables: the state-pension ages (folkepensionsalder.csv) and the absence
// types allowed per contact group and person category (fravaerskombinationer.csv, which CreateFravaer
// applies with 4591). The second one's cells are not public, so the embedded table has none and says
// so in its notes; a caller that has it loads it.
//
// Default returns the embedded catalogue; Load reads newer files over it, so a newer code list needs
// no new release of the library. Rules take a *Catalog, and a nil *Catalog is the default one.
package codelist

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/regelkit/dfdg"
)

//go:embed data/*.csv
var embedded embed.FS

// The lists, in the order Lists returns them.
const (
	contactGroups = iota
	registrationCategories
	absenceTypes
	conversationTypes
	participationChoices
	deadlineStatuses
	personCategories
	planTypes
	activityTypes
	jobOfferTypes
	authorityAreas
	externalReferenceTypes
	projectTypes
	municipalities
	deregistrationCauses
	numLists
)

// listFiles names each list's file, without ".csv".
var listFiles = [numLists]string{
	contactGroups:          "kontaktgrupper",
	registrationCategories: "tilmeldekategorier",
	absenceTypes:           "fravaerstyper",
	conversationTypes:      "samtaletyper",
	participationChoices:   "deltagelsesvalg",
	deadlineStatuses:       "friststatus",
	personCategories:       "personkategorier",
	planTypes:              "plantyper",
	activityTypes:          "aktivitetstyper",
	jobOfferTypes:          "jobtilbudtyper",
	authorityAreas:         "myndighedsomraader",
	externalReferenceTypes: "eksternreferencetyper",
	projectTypes:           "projekttyper",
	municipalities:         "kommuner",
	deregistrationCauses:   "afmeldingsaarsager",
}

// listColumns names the columns a list has beyond the common ones.
var listColumns = [numLists][]string{
	registrationCategories: {"applicant", "uden_ydelse", "kan_tilmeldes", "intern"},
	absenceTypes:           {"overlap", "aliases", "sickness"},
	conversationTypes:      {"resetting"},
	activityTypes:          {"company_oriented"},
	municipalities:         {"region"},
	deregistrationCauses:   {"akasse"},
}

// pensionFile is the state-pension-age table's file, without ".csv".
const pensionFile = "folkepensionsalder"

// Catalog bundles the code lists and the state-pension-age table. A Catalog is immutable and safe for
// concurrent use. A nil *Catalog and the zero Catalog stand for Default(), so the rules' zero value
// (contactgroup.Rules{} and the like) uses the embedded lists.
type Catalog struct {
	lists        [numLists]*List
	pension      *PensionAges
	combinations *Combinations
}

// defaultCatalog is the embedded catalogue once it is parsed; parsing is done once, on first use.
var (
	defaultCatalog atomic.Pointer[Catalog]
	defaultOnce    sync.Once
)

// Default returns the catalogue embedded in the library, parsed once. After the first call it is one
// atomic load, so that every rule can ask for it on every call.
func Default() *Catalog {
	if c := defaultCatalog.Load(); c != nil {
		return c
	}
	return parseDefault()
}

func parseDefault() *Catalog {
	defaultOnce.Do(func() {
		c, err := load(embedded, "data", nil)
		if err != nil {
			// The embedded files are tested; a failure here is a broken build, not bad input.
			panic("codelist: embedded data: " + err.Error())
		}
		defaultCatalog.Store(c)
	})
	return defaultCatalog.Load()
}

// Load returns a catalogue with the lists in fsys over the embedded ones. Every file named
// "<list>.csv" at the root of fsys (kontaktgrupper.csv, kommuner.csv, folkepensionsalder.csv, …)
// replaces that list whole; lists fsys does not hold keep the embedded data. A file whose name ends in
// .csv in any case, or begins with a list's name and a dot (kommuner.CSV, kommuner.csv.txt), and is
// not exactly "<list>.csv" is an error, so a misspelt file is not silently ignored; other files are.
// A malformed or inconsistent file (unknown column, duplicate id, bad date, inactive-from not after
// valid-from, pension rows out of order, a NUL byte or invalid UTF-8, a complete list with no entries,
// more than MaxFileSize bytes) rejects the whole load with a *ParseError naming the file, line and
// column.
func Load(fsys fs.FS) (*Catalog, error) {
	if fsys == nil {
		return nil, &ParseError{Err: errors.New("no file system to load from")}
	}
	return load(fsys, ".", Default())
}

func load(fsys fs.FS, dir string, base *Catalog) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, &ParseError{Err: err}
	}
	c := &Catalog{}
	if base != nil {
		*c = *base
	}
	seen := map[string]bool{}
	for _, de := range entries {
		name := de.Name()
		if de.IsDir() || !looksLikeAList(name) {
			continue
		}
		stem, ok := strings.CutSuffix(name, ".csv")
		if !ok || stem != pensionFile && stem != combinationsFile && !slices.Contains(listFiles[:], stem) {
			return nil, &ParseError{File: name, Err: fmt.Errorf("not a code list this library knows: name the file <list>.csv (known: %s, %s, %s)",
				strings.Join(listFiles[:], ", "), pensionFile, combinationsFile)}
		}
		// Only a regular file is read (a link to one is followed): a FIFO, a device or a socket named
		// like a list would block or never end.
		if info, err := fs.Stat(fsys, path.Join(dir, name)); err != nil {
			return nil, &ParseError{File: name, Err: err}
		} else if !info.Mode().IsRegular() {
			return nil, &ParseError{File: name, Err: fmt.Errorf("not a regular file (%s)", info.Mode().Type())}
		}
		data, err := readFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, &ParseError{File: name, Err: err}
		}
		if err := checkText(name, data); err != nil {
			return nil, err
		}
		seen[stem] = true
		switch stem {
		case pensionFile:
			if c.pension, err = parsePensionAges(name, data); err != nil {
				return nil, err
			}
			continue
		case combinationsFile:
			if c.combinations, err = parseCombinations(name, data); err != nil {
				return nil, err
			}
			continue
		}
		i := slices.Index(listFiles[:], stem)
		if c.lists[i], err = parseList(name, data, listColumns[i]); err != nil {
			return nil, err
		}
	}
	if base == nil {
		for _, stem := range append(listFiles[:], pensionFile, combinationsFile) {
			if !seen[stem] {
				return nil, &ParseError{File: stem + ".csv", Err: errors.New("missing")}
			}
		}
	}
	if err := c.crossCheck(); err != nil {
		return nil, err
	}
	return c, nil
}

// crossCheck rejects a catalogue whose files contradict each other: a municipality id outside 1–999,
// an overlap policy naming an absence type a complete list of them does not hold, or an absence
// combination naming an absence type, contact group or person category its complete list does not
// hold. A list that is not complete may lack an id DFDG has, so nothing is checked against it.
func (c *Catalog) crossCheck() error {
	for _, e := range c.lists[municipalities].entries {
		if e.ID < 1 || e.ID > 999 {
			return &ParseError{File: listFiles[municipalities] + ".csv", Field: "id", Err: fmt.Errorf("%d is no municipality code (1–999)", e.ID)}
		}
	}
	types := c.lists[absenceTypes]
	unknown := func(l *List, id int) bool { return l.Complete() && !l.Has(id) }
	for _, e := range types.entries {
		for _, id := range e.OverlapAllowed() {
			if unknown(types, id) {
				return &ParseError{File: listFiles[absenceTypes] + ".csv", Field: "overlap",
					Err: fmt.Errorf("the policy of %d names %d, which the complete list does not hold", e.ID, id)}
			}
		}
	}
	if c.combinations == nil {
		return nil
	}
	groups, categories := c.lists[contactGroups], c.lists[personCategories]
	for _, row := range c.combinations.cells {
		bad := ""
		switch {
		case unknown(types, int(row.Absence)):
			bad = fmt.Sprintf("absence type %d", row.Absence)
		case unknown(groups, int(row.Group)):
			bad = fmt.Sprintf("contact group %d", row.Group)
		}
		for _, p := range row.Categories {
			if bad == "" && unknown(categories, int(p)) {
				bad = fmt.Sprintf("person category %d", p)
			}
		}
		if bad != "" {
			return &ParseError{File: combinationsFile + ".csv", Err: fmt.Errorf("%s is not in its complete list", bad)}
		}
	}
	return nil
}

func (c *Catalog) orDefault() *Catalog {
	if c != nil && c.pension != nil {
		return c
	}
	return defaultCatalogOf()
}

// defaultCatalogOf is Default, kept out of line so that orDefault, and every list accessor with it,
// inlines: a catalogue the caller loaded gives its lists without a call.
//
//go:noinline
func defaultCatalogOf() *Catalog { return Default() }

// ContactGroups returns the contact groups (kontaktgrupper).
func (c *Catalog) ContactGroups() *List { return c.orDefault().lists[contactGroups] }

// RegistrationCategories returns the registration categories (tilmeldekategorier), each saying
// whether it is an applicant's.
// DeregistrationCauses returns the causes of a deregistration (afmeldingsårsager, DFDG's
// CauseTypeIdentifier), with which of them only a-kasser may use and which a-kasser may not. The
// embedded list is empty: the causes are not public; a caller loads its own (4340, 9118, 9298).
func (c *Catalog) DeregistrationCauses() *List {
	return c.orDefault().lists[deregistrationCauses]
}

// RegistrationCategories returns the registration categories (tilmeldekategorier).
func (c *Catalog) RegistrationCategories() *List {
	return c.orDefault().lists[registrationCategories]
}

// AbsenceTypes returns the absence types (fraværstyper), with their overlap policies (rule 2.1).
func (c *Catalog) AbsenceTypes() *List { return c.orDefault().lists[absenceTypes] }

// ConversationTypes returns the conversation types (samtaletyper).
func (c *Catalog) ConversationTypes() *List { return c.orDefault().lists[conversationTypes] }

// ParticipationChoices returns the participation choices (deltagelsesvalg) on joint conversations.
func (c *Catalog) ParticipationChoices() *List { return c.orDefault().lists[participationChoices] }

// DeadlineStatuses returns the deadline statuses (friststatus). DFDG's ids are not public here, so
// the embedded list is empty; see contactgroup.DeadlineStatus.
func (c *Catalog) DeadlineStatuses() *List { return c.orDefault().lists[deadlineStatuses] }

// PersonCategories returns the person categories (personkategorier). The embedded list is empty:
// no id is known here together with its name.
func (c *Catalog) PersonCategories() *List { return c.orDefault().lists[personCategories] }

// PlanTypes returns the plan types (plantyper). The embedded list is empty: DFDG's ids are not
// public here; see plan.Type.
func (c *Catalog) PlanTypes() *List { return c.orDefault().lists[planTypes] }

// ActivityTypes returns the activity types (aktivitetstyper), each saying whether it is
// company-oriented. The embedded list is empty: the ids are not public here.
func (c *Catalog) ActivityTypes() *List { return c.orDefault().lists[activityTypes] }

// JobOfferTypes returns the job-offer types (jobtilbudtyper). The embedded list is empty.
func (c *Catalog) JobOfferTypes() *List { return c.orDefault().lists[jobOfferTypes] }

// AuthorityAreas returns the authority areas (myndighedsområder): 6 'Selvejende', expired (rule 3.7).
func (c *Catalog) AuthorityAreas() *List { return c.orDefault().lists[authorityAreas] }

// ExternalReferenceTypes returns the external reference types 1–6 of rule 3.2. The list is
// complete.
func (c *Catalog) ExternalReferenceTypes() *List {
	return c.orDefault().lists[externalReferenceTypes]
}

// ProjectTypes returns the person-group project types 1, 3, 4 and 5 of rule 4.1.
func (c *Catalog) ProjectTypes() *List { return c.orDefault().lists[projectTypes] }

// Municipalities returns the 98 Danish municipalities. The list is complete: Christiansø (0411) and
// Greenland's codes are not municipalities.
func (c *Catalog) Municipalities() *List { return c.orDefault().lists[municipalities] }

// PensionAges returns the state-pension-age table.
func (c *Catalog) PensionAges() *PensionAges { return c.orDefault().pension }

// AbsenceCombinations returns the table of the absence types allowed per contact group and person
// category (fravaerskombinationer.csv). DFDG's CreateFravaer refuses what it does not allow (4591,
// 4592); absence.Create does too, with 4591 for Uddannelse and a library reason for the others. The
// embedded table has no cells, since they are not public, and allows everything.
func (c *Catalog) AbsenceCombinations() *Combinations { return c.orDefault().combinations }

// PensionAgeDate returns the date a person born on birth reaches their state-pension age
// (folkepensionsalder), with clamped month arithmetic; see PensionAges.Date.
func (c *Catalog) PensionAgeDate(birth dfdg.Date) (dfdg.Date, error) {
	return c.PensionAges().Date(birth)
}

// Lists returns every code list (not the pension table), in a fixed order.
func (c *Catalog) Lists() []*List {
	c = c.orDefault()
	return slices.Clone(c.lists[:])
}

// List returns the list whose name is name, such as "kontaktgrupper", and nil when there is none (a
// nil *List is an empty list).
func (c *Catalog) List(name string) (*List, bool) {
	i := slices.Index(listFiles[:], name)
	if i < 0 {
		return nil, false
	}
	return c.orDefault().lists[i], true
}

// IsMunicipality reports whether m is one of the 98 Danish municipalities.
func (c *Catalog) IsMunicipality(m dfdg.Municipality) bool {
	return m != 0 && c.Municipalities().Has(int(m))
}

// MaxFileSize is the largest code-list file Load reads, in bytes: far above any list DFDG has (the
// 98 municipalities take 3 KB), and a bound on what a file can make the library allocate.
const MaxFileSize = 1 << 20

// looksLikeAList reports whether the file name is meant as a code list: it ends in .csv in any case,
// or begins with a list's name and a dot.
func looksLikeAList(name string) bool {
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		return true
	}
	for _, stem := range append(listFiles[:], pensionFile, combinationsFile) {
		if strings.HasPrefix(strings.ToLower(name), stem+".") {
			return true
		}
	}
	return false
}

// readFile reads the file, refusing one larger than MaxFileSize.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", MaxFileSize)
	}
	return data, nil
}

// checkText rejects a file with a NUL byte or bytes that are not UTF-8, naming the line.
func checkText(file string, data []byte) error {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return &ParseError{File: file, Line: line, Err: errors.New("not UTF-8")}
		case r == 0:
			return &ParseError{File: file, Line: line, Err: errors.New("a NUL byte")}
		case r == '\n':
			line++
		}
		i += size
	}
	return nil
}
