package dfdg

// Every code list's id is a named type, so that a contact group cannot be passed where an absence
// type is meant. The constants are the ids the release note names (and the few public sources
// confirm, as codelist/data says for each); the lists themselves, with names and validity, are
// package codelist's. An id with no constant here is still valid: the types hold any id.

// ContactGroup is a contact group (kontaktgruppe), ContactGroupTypeCodeList; codelist's
// "kontaktgrupper".
type ContactGroup int

// The contact groups the release note names.
const (
	Dagpengemodtager           ContactGroup = 1  // 'Dagpengemodtager' (2.2, 3.1)
	UdenYdelse                 ContactGroup = 8  // 'Uden ydelse' (1.2, 1.6, 2.2)
	Jobafklaring               ContactGroup = 13 // jobafklaring (STAR's Kontaktgruppe.WSB page); its exact name is not known here
	SygedagpengeBeskaeftigelse ContactGroup = 24 // 'Sygedagpengemodtager fra beskæftigelse' (1.6, 2.4)
	SygedagpengeLedighed       ContactGroup = 25 // 'Sygedagpengemodtager fra ledighed' (2.2)
	// The three groups inactive from 2025-07-01 (1.4).
	OvergangsydelseEfterLAB              ContactGroup = 26 // 'Overgangsydelsesmodtager efter LAB (udgår 1.7.2025)'
	UddannelsespaalaegOvergangsydelseLAB ContactGroup = 28 // 'Uddannelsespålæg - Overgangsydelsesmodtager efter LAB (udgår 1.7.2025)'
	OvergangsydelseEfterINL              ContactGroup = 29 // 'Overgangsydelsesmodtager efter INL (udgår 1.7.2025)'
)

// RegistrationCategory is a registration category (tilmeldekategori, DFDG's KlientKategori);
// codelist's "tilmeldekategorier".
type RegistrationCategory int

// The registration categories the release note names: all six are inactive from 2025-07-01 (1.4).
const (
	OvergangsydelsesansoegerLAB                   RegistrationCategory = 12 // 'Overgangsydelsesansøger omfattet af LAB (udgået 1.7.2025)'
	OvergangsydelsesmodtagerLAB                   RegistrationCategory = 13 // 'Overgangsydelsesmodtager omfattet af LAB (udgået 1.7.2025)'
	UddannelsespaalaegOvergangsydelsesansoegerLAB RegistrationCategory = 16 // 'Uddannelsespålæg - Overgangsydelsesansøger efter LAB (udgået 1.7.2025)'
	UddannelsespaalaegOvergangsydelsesmodtagerLAB RegistrationCategory = 17 // 'Uddannelsespålæg - Overgangsydelsesmodtager efter LAB (udgået 1.7.2025)'
	OvergangsydelsesansoegerINL                   RegistrationCategory = 18 // 'Overgangsydelsesansøger efter INL (udgået 1.7.2025)'
	OvergangsydelsesmodtagerINL                   RegistrationCategory = 19 // 'Overgangsydelsesmodtager efter INL (udgået 1.7.2025)'
)

// PersonCategory is a person category (personkategori, visitation), codelist's "personkategorier".
// No id is known here together with its name, so there are no constants; 1.7's 'Ikke visiteret' and
// 'Jobparat' are the caller's ids.
type PersonCategory int

// AbsenceType is an absence type (fraværstype), AbsenceTypeCodeList; codelist's "fravaerstyper".
type AbsenceType int

// The absence types the release note names, and the sickness type of STAR's matrix.
const (
	Ferie                     AbsenceType = 10 // 'Ferie', holiday absence, which 66 may overlap (2.1)
	SygdomSygemelding         AbsenceType = 11 // 'SygdomSygemelding' in STAR's matrix; the note does not say which type KSD reports
	Feriefravaer47            AbsenceType = 47 // holiday absence, which 66 may overlap (2.1); its name is not known here
	BonusDanskkundskaber      AbsenceType = 59 // '6 måneders bonus for danskkundskaber', inactive from 2025-07-01 (2.6)
	DispensationDanskproeve   AbsenceType = 60 // 'Dispensation fra danskprøve', inactive from 2025-07-01 (2.6)
	Undtaget225Timer          AbsenceType = 62 // 'Undtaget 225-timer pga begrænset arbejdsevne', inactive from 2025-07-01 (2.6)
	ManglendePasningsmulighed AbsenceType = 66 // 'Inden for institutionens åbningstid – manglende pasningsmulighed' (2.1)
	KontaktforloebIAkassen    AbsenceType = 75 // 'Kontaktforløb er i a-kassen' (1.3); STAR: 'Kontaktforløb er hos a-kassen'
)

// ConversationType is a conversation type (samtaletype), InterviewTypeIdentifier; codelist's
// "samtaletyper".
type ConversationType int

// FaellesJobsamtale is conversation type 17 'Fælles jobsamtale med dagpengemodtager' (1.3).
const FaellesJobsamtale ConversationType = 17

// ParticipationChoice is a participation choice (deltagelsesvalg) on a joint conversation;
// codelist's "deltagelsesvalg".
type ParticipationChoice int

// AkassedeltagelseFoersteSamtale is participation choice 3 'Borger ønsker a-kassedeltagelse ved
// første samtale i jobcenteret' (1.3).
const AkassedeltagelseFoersteSamtale ParticipationChoice = 3

// ActivityType is an activity type (aktivitetstype, ActivationTypeIdentifier); codelist's
// "aktivitetstyper". Its ids are not public here, so there are no constants.
type ActivityType int

// JobOfferType is a job-offer type (jobtilbudtype); codelist's "jobtilbudtyper". Its ids are not
// public here, so there are no constants.
type JobOfferType int

// AuthorityArea is an authority area (myndighedsområde); codelist's "myndighedsomraader".
type AuthorityArea int

// Selvejende is authority area 6 'Selvejende', expired (3.7).
const Selvejende AuthorityArea = 6

// ReferenceType is an external reference type (EksternReferencetype) on an activity; codelist's
// "eksternreferencetyper", complete with the six of rule 3.2.
type ReferenceType int

// The external reference types of rule 3.2.
const (
	Jobannonce                     ReferenceType = 1 // 'Jobannonce'
	TilskudsansaettelsesAnsoegning ReferenceType = 2 // 'Tilskudsansættelses ansøgning'
	OrdinaerJobordre               ReferenceType = 3 // 'Ordinær jobordre'
	EksternSystemreference         ReferenceType = 4 // 'Ekstern system reference'
	Handlekommune                  ReferenceType = 5 // 'Handlekommune', the acting municipality; its value is a municipality code
	Betalingskommune               ReferenceType = 6 // 'Betalingskommune', the paying municipality; its value is a municipality code
)

// CarriesMunicipality reports whether a reference of type t carries a municipality code (5 and 6,
// rule 3.2).
func (t ReferenceType) CarriesMunicipality() bool { return t == Handlekommune || t == Betalingskommune }

// ProjectType is a person-group marking's project type (projekttype); codelist's "projekttyper".
type ProjectType int

// The project types of rule 4.1, with the note's descriptions.
const (
	ProjektJobcenterStat ProjectType = 1 // 'jobcenter stat': deleted 6 years after the marking's end
	ProjektJobcenter     ProjectType = 3 // 'jobcenter': deleted 6 months after the marking's end
	ProjektAkasse        ProjectType = 4 // 'a-kasse': deleted 6 months after the marking's end
	ProjektUdvalgte      ProjectType = 5 // 'udvalgte jobcentre og a-kasser': deleted 6 years after the marking's end
)
