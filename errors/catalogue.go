package errors

// Kind is one entry of the catalogue. Every Kind is a constant and an error, so it is its own
// sentinel for errors.Is. The zero Kind is not an entry.
type Kind uint16

// The catalogue. Kinds with a DFDG code carry DFDG's text; the others have a library reason and no
// number, because DFDG documents none for them.
const (
	_ Kind = iota

	// ErrInvalidCPR (DFDG 1001 "Ugyldigt cpr-nummer", CreateFravaer; "Invalid cpr" on the SOAP and
	// most REST pages) applies when a CPR number is not ten digits
	// (optionally DDMMYY-SSSS) or its date and seventh digit give no real birth date. A CPR number
	// is never rejected for failing the modulus 11 check.
	ErrInvalidCPR

	// ErrNegativeDuration (DFDG 1003, "Duration is negative": "The reported duration is negative,
	// start date is greater than end date", CreateAbsence) applies only when the period of a command's
	// absence starts strictly after it ends; a period that starts and ends on the same day is valid
	// (rule 2.3). An activity's period, and a stored record, that ends before it starts is
	// ErrEndsBeforeStart: DFDG documents no code for them.
	ErrNegativeDuration

	// ErrIDNotFound (DFDG 4589 "Id ikke fundet", the release note's text; STAR's rehabilitation page
	// gives it in English, "Unknown identifier") answers a read or update of a record whose GDPR
	// deletion date has come, even when the caller's storage still holds it (rule 4.1).
	ErrIDNotFound

	// ErrPlanTypeMissing (DFDG 110016) applies when a municipality creates an activity for a
	// citizen in contact group 1 'Dagpengemodtager' who has no plan, or a plan that is neither a
	// Jobplan nor a Kombiplan (rule 3.1).
	ErrPlanTypeMissing

	// ErrOtherDeadlineOpen applies when a deadline is created while the citizen has a still open
	// deadline of another conversation type; an overdue or closed one does not block (rule 1.1).
	// The note gives its text but no code.
	ErrOtherDeadlineOpen

	// ErrInvalidDate applies to a date that is not of the form YYYY-MM-DD or does not exist.
	ErrInvalidDate

	// ErrMissingValue applies when a value the rule needs is absent: a zero instant, a missing
	// start date, an empty id where one is required.
	ErrMissingValue

	// ErrInvalidValue applies to a value outside what the field allows, such as negative hours or
	// hours with more than two decimals.
	ErrInvalidValue

	// ErrUnknownCode applies to an id that a complete code list does not hold. An id missing
	// from an incomplete list is not rejected: the library does not know it, DFDG may.
	ErrUnknownCode

	// ErrInactiveCode applies when a new registration names a code-list entry that is inactive on
	// the decision date, such as contact group 26 from 2025-07-01 (rules 1.4 and 2.6). Records that
	// already carry the entry stay valid.
	ErrInactiveCode

	// ErrInvalidMunicipality applies to a municipality code that is not one of the 98 Danish
	// municipalities, for example on external references 5 and 6 (rule 3.2).
	ErrInvalidMunicipality

	// ErrOverlapNotAllowed applies when an absence is registered over another absence that its own
	// type's overlap policy does not allow (rule 2.1).
	ErrOverlapNotAllowed

	// ErrDuplicateActivity applies when a new company-oriented activity equals an existing one in
	// company, start, end, hours and job-offer type (rule 3.4).
	ErrDuplicateActivity

	// ErrJobTitleExpired applies when a company-oriented activity is created with a job title that
	// has expired; updates never check the job title (rule 3.5).
	ErrJobTitleExpired

	// ErrAuthorityAreaExpired applies when a company-oriented activity is created with an expired
	// authority area, such as 6 'Selvejende', whatever its start date (rule 3.7).
	ErrAuthorityAreaExpired

	// ErrGuestCreateNotAllowed applies when a municipality other than the one the citizen is
	// attached to creates an activity: guest access covers updates only (rule 3.2).
	ErrGuestCreateNotAllowed

	// ErrInconsistentHistory applies when the state a caller supplies contradicts itself: two
	// contact-group memberships overlap, more than one is open, or one starts after the decision
	// time (rule 1.5).
	ErrInconsistentHistory

	// ErrRecordNotFound applies when a command names a record (an absence, an activity) that the
	// supplied state does not hold.
	ErrRecordNotFound

	// ErrInvalidState applies when a command does not fit the record's state: recovering from an
	// absence that has already ended, resuming one that is still open.
	ErrInvalidState

	// ErrActorNotAllowed applies when the operation's table of allowed organisations does not admit
	// the caller for the citizen, on an operation whose page documents no 4575 (ErrNotAuthorized), such
	// as a benefit decision that does not come from KY, or Raskmeld from an a-kasse for a citizen who
	// is not its member.
	ErrActorNotAllowed

	// ErrContactGroupOpen (DFDG 4644 "Borger har allerede en åben kontaktgruppe") applies when a
	// citizen is placed in a contact group (CreateKontaktgruppe) while in one at the decision time.
	// Source: STAR's CreateKontaktgruppe (POST /v1/PersonVisitering/kontaktgruppe), page 4470112268,
	// and the contact-group REST table, page 3893231673, which gives the English text.
	ErrContactGroupOpen

	// ErrEndsBeforeStart applies when a record the caller supplies, stored or to be stored, ends
	// before it starts where DFDG documents no code for it: a contact-group membership, a
	// registration or a person category in the citizen's history, an activity's period, a record whose
	// GDPR deletion date is asked for. DFDG documents 1003 (ErrNegativeDuration) only for the period of
	// an absence.
	ErrEndsBeforeStart

	// ErrIDExists (DFDG 4977 "Det angivne id findes allerede") applies when an absence is created
	// with an id the citizen already has (CreateFravaer, POST /v1/Fravaer, starwiki page 4606591271).
	// Its English text is the library's: the documentation gives only the Danish.
	ErrIDExists

	// ErrContactGroupTypeInvalid (DFDG 4675 "Den angivne kontaktgruppetype er ugyldig") applies when
	// a citizen is placed in a contact group that a complete contact-group list does not hold (the
	// contact-group REST table, starwiki page 3893231673). The embedded list is not complete, so only
	// a list the caller loads with complete: ja makes it.
	ErrContactGroupTypeInvalid

	// ErrPersonDead (DFDG 4405 "Borgeren med det specificerede CPR nummer er død"; 60007 in newer
	// services) applies when an absence, a sick absence, a contact group or a registration is created
	// for a citizen who is dead: CreateFravaer and CreateKontaktgruppe (REST, starwiki pages 4606591271
	// and 4470112268, which give the Danish text), CreateSygemelding and the enrollment service (SOAP,
	// pages 4444979236 and 2398290112, which give the English).
	ErrPersonDead

	// ErrEnrollmentOverlap (DFDG 4316 "Enrollment overlap": "The submitted enrollment date lies within
	// or before an existing enrollment period", the enrollment service, starwiki page 2398290112, and
	// Raskmeld's service) applies when a citizen is registered as jobseeker, at now (rule 1.5), while a
	// stored registration is open at now, ends after it or starts after it. No registration is ever
	// ended to make room: rule 1.5 ends the previous contact group, not a registration. Its Danish text
	// is the library's: the documentation gives only the English.
	ErrEnrollmentOverlap

	// ErrClientCategoryInvalid (DFDG 4313 "Invalid client category type": "The submitted client
	// category type is no recognized as a valid client category type", the enrollment service,
	// starwiki page 2398290112) applies when a citizen is registered as jobseeker in a category that a
	// complete list of registration categories does not hold. The embedded list is not complete, so
	// only a list the caller loads with complete: ja makes it. Its Danish text is the library's.
	ErrClientCategoryInvalid

	// ErrJobOfferTypeInvalid (DFDG 8032 "Den angivne jobtilbudType er ikke gyldig", the activity REST
	// service, starwiki page 4359291232) applies when an activity names a job-offer type that a
	// complete list of job-offer types does not hold. The embedded list is empty and not complete, so
	// only a list the caller loads with complete: ja makes it. Its English text is the library's.
	ErrJobOfferTypeInvalid

	// ErrEducationNotAllowed (DFDG 4591 "Uddanelse ikke tilladt for borgere i denne kombination af
	// kontaktgrupppe og personkategori", CreateFravaer, POST /v1/Fravaer, starwiki page 4606591271;
	// the source's spelling) applies when an absence of type 1 (Uddannelse) is created for a citizen
	// whose contact group and person category the table of absence combinations (codelist's
	// fravaerskombinationer.csv, "Absence - ContactGroup - PersonCategory") does not allow. The
	// embedded table has no cells, since they are not public, so only a table the caller loads makes
	// it. Its English text is the library's.
	ErrEducationNotAllowed

	// ErrAbsenceTypeNotAllowed is ErrEducationNotAllowed for every other absence type. DFDG documents
	// 4592 for MidlertidigtArbejde (type 2) "i mindre end 15 dage", but its text is cut off in the
	// source and its condition names a length the table does not hold, so the library gives no code.
	ErrAbsenceTypeNotAllowed

	// ErrSickAbsenceOverdue applies when a stored sick absence is open at or past the day rule 2.2's
	// sweep ends it: SweepDays after its first sick day, for a citizen in group 1, group 8 or no
	// contact group and not in group 25 (package audit).
	ErrSickAbsenceOverdue

	// ErrGroup24OpenAfterRecovery applies when a stored membership of contact group 24 is open though
	// every sick absence of the citizen has ended: rule 2.4 ends group 24 at every recovery (package
	// audit).
	ErrGroup24OpenAfterRecovery

	// ErrPastDeletionDate applies when a stored record is kept on or after its deletion date under
	// rule 4.1 (package audit). Reading it from DFDG gives 4589.
	ErrPastDeletionDate

	// ErrInterviewBeforeResetting applies when an interview is registered as held before the latest
	// resetting interview the citizen has held. Its Danish text is DFDG's business rule for
	// CreateInterview / CreatePersonInterview, verbatim (starwiki https://starwiki.atlassian.net/wiki/x/bYA3S);
	// DFDG documents no code for it.
	ErrInterviewBeforeResetting

	// ErrResettingInterviewsSameTime applies when a resetting interview is registered as held at the
	// same instant as another resetting one. Danish text: DFDG's business rule, as above.
	ErrResettingInterviewsSameTime

	// ErrInterviewExists applies when an interview is registered with the conversation type and held
	// time of one the citizen has. Danish text: DFDG's business rule, as above.
	ErrInterviewExists

	// ErrParticipationStatusMissing applies when an interview held with several authorities has no
	// participation status. Danish text: DFDG's business rule, as above.
	ErrParticipationStatusMissing

	// ErrMessageInvalid (DFDG 1014 "Beskeden kunne ikke valideres", "Failed to validate message")
	// applies when a request breaks a constraint of the operation's request as STAR documents it: a
	// required element missing, a text too long, an id above MaxInclusive, a value off its pattern
	// (codelist.Operation's Fields). The field and the constraint are in the error.
	ErrMessageInvalid

	// ErrNotAuthorized (DFDG 4575 "You are not authorized to execute the operation") applies when the
	// caller is not among those the operation's table of allowed organisations admits for the citizen
	// (codelist.Operation's Access), on an operation that documents 4575. On one that does not, the
	// refusal is ErrActorNotAllowed.
	ErrNotAuthorized

	// ErrSickStartBeforeToday (DFDG 4685 "The reported absence has a start date before todays date")
	// applies when CreateSygemelding reports a sickness that starts before today's Danish date. KSD's
	// feed, which rule 1.6 governs, may report a past first sick day. Its Danish text is the library's.
	ErrSickStartBeforeToday

	// ErrNoActiveContactGroup (DFDG 4686 "This person must have an active contact group
	// registration") applies when CreateSygemelding reports a sickness for a citizen in no contact
	// group at now. Its Danish text is the library's.
	ErrNoActiveContactGroup

	// ErrEndCauseMissing (DFDG 4980 "Cause type identifier is required when setting illness end date")
	// applies when CreateSygemelding reports a sickness with an end date and no end cause. Its Danish
	// text is the library's.
	ErrEndCauseMissing

	// ErrNotEnrolled (DFDG 4367 "Borger er ikke tilmeldt", "The person is not enrolled") applies when a
	// deregistration, alone or inside CreateSygemelding, names a citizen with no registration open at
	// now.
	ErrNotEnrolled

	// ErrCancellationDate (DFDG 4322 "The cancellation date must be today, maximum 30 days after or 60
	// in case of a less intensive effort") applies to a deregistration date before today or more than
	// 30 days ahead (60 when the caller says the effort is less intensive). Its Danish text is the
	// library's.
	ErrCancellationDate

	// ErrStartNotToday (DFDG 4703 "Startdatoen skal være i dag") applies when CreateKontaktgruppe names
	// a start on another Danish day than today. Its English text is the library's.
	ErrStartNotToday

	// ErrBookingStartBeforeToday (DFDG 90002, formerly 4783, "MoedeStarttidspunkt kan ikke være
	// tidligere end dags dato") applies when a booking (CreateIndkaldelse, UpdateIndkaldelse) starts
	// on an earlier Danish date than today.
	ErrBookingStartBeforeToday

	// ErrBookingEndBeforeStart (DFDG 90004, formerly 4792, "MoedeSluttidspunkt kan ikke være tidligere
	// end moedestarttidspunktet") applies when a booking ends before it starts.
	ErrBookingEndBeforeStart

	// ErrRebookingDeadlineNotAllowed (DFDG 90009, formerly 8125, "OmbookingFrist kan ikke sættes når
	// ombook ikke er muligt") applies to a rebooking deadline on a booking that cannot be rebooked.
	ErrRebookingDeadlineNotAllowed

	// ErrRebookingDeadlineRequired (DFDG 90010, formerly 8126, "OmbookingFrist er påkrævet når ombook er
	// muligt") applies to a booking that can be rebooked and has no rebooking deadline.
	ErrRebookingDeadlineRequired

	// ErrCancellationDeadlineNotAllowed (DFDG 90014, formerly 8127, "Aflysningsfrist kan ikke sættes når
	// aflysning ikke er mulig") applies to a cancellation deadline on a booking the citizen cannot
	// cancel. Its English text is the library's.
	ErrCancellationDeadlineNotAllowed

	// ErrNotAkasseMember (DFDG 90006, formerly 4856, "Borgeren er ikke medlem af en a-kasse") applies
	// when an a-kasse books a citizen who is a member of no a-kasse.
	ErrNotAkasseMember

	// ErrOtherAkasse (DFDG 90007, formerly 4857, "Borgeren er medlem af en anden a-kasse") applies when
	// an a-kasse books a citizen who is a member of another.
	ErrOtherAkasse

	// ErrBookingUnknown (DFDG 90036, formerly 4768, "Det angivne BookingId er ikke kendt i systemet")
	// applies when a booking is changed, deleted or given a participant by an id the citizen's stored
	// bookings do not hold.
	ErrBookingUnknown

	// ErrCommentHTML (DFDG 4933 "The comment text cannot contain html tags", CreateGaesteadgang)
	// applies to a guest-access justification with an HTML tag in it. Its Danish text is the
	// library's.
	ErrCommentHTML

	// ErrAbsenceConflictsWithGroup (DFDG 4645 "Registrering ikke tilladt pga. ugyldig kombination af
	// kontaktgruppe og fravær", "This person has a absenceregistration that conflicts with this
	// Contactgroup"; CreateKontaktgruppe and enrollment) applies when a citizen is placed in a contact
	// group that the table of absence combinations does not allow an absence of theirs, current on
	// today's date, in. The embedded table has no cells, so only a table the caller loads makes it.
	ErrAbsenceConflictsWithGroup

	// ErrPlanNoContactGroup (DFDG 8060 "Operation is not allowed when citizen has no active contact
	// group", in Danish "Operation ikke lovlig da borger ikke har en aktiv kontaktgruppe") applies when
	// a plan is drafted for a citizen in no contact group at now (the plan service).
	ErrPlanNoContactGroup

	// ErrCaseworkerMissing (DFDG 8055 "Responsible caseworker needs to be specified", the plan service)
	// applies to a draft plan without a responsible caseworker. Its Danish text is the library's.
	ErrCaseworkerMissing

	// ErrEducationDeadlineNotAfterToday (DFDG 8018 "The EducationPlanType.DeadlineDate (pålægsfrist) has
	// to be greater than todays date", the plan service) applies to an education plan's deadline on or
	// before today. Its Danish text is the library's.
	ErrEducationDeadlineNotAfterToday

	// ErrEducationPlanAboveThirty (DFDG 8044 "Education plan type is not allowed for citizen above age 30",
	// the plan service) applies to an education plan (Uddannelsesplan) drafted for a citizen who is 31
	// or older on today's date, by the birth date the caller gives (dfdg.Citizen.Born). "Above age 30"
	// is read as older than 30 years: a citizen of 30 is accepted. Its Danish text is the library's.
	ErrEducationPlanAboveThirty

	// ErrPlanDescriptionTooLong (DFDG 8075, "Plan description exceeds limit of cha[…]" in the only copy,
	// cut off; the plan rectification's PlanDescription is "Length: 1-4050") applies to a plan
	// description over 4,050 characters. Both its texts are the library's, since DFDG's is cut off.
	ErrPlanDescriptionTooLong

	// ErrCauseInvalid (DFDG 4340 "The submitted CauseTypeIdentifier is invalid", the enrollment
	// service and CreateSygemelding) applies to a deregistration cause a complete list of causes
	// (codelist's afmeldingsaarsager) does not hold. The embedded list is empty and not complete, so
	// only a list the caller loads makes it. Its Danish text is the library's.
	ErrCauseInvalid

	// ErrCauseOnlyAkasse (DFDG 9118 "The submitted CauseTypeIdentifier can only be used by
	// unemploymentfunds.") applies when a caller that is not an a-kasse deregisters with a cause the
	// loaded list marks as the a-kasser's. Its Danish text is the library's.
	ErrCauseOnlyAkasse

	// ErrCauseNotAkasse (DFDG 9298 "The submitted CauseTypeIdentifier can not be used by
	// unemploymentfunds") applies when an a-kasse deregisters with a cause the loaded list marks as
	// not the a-kasser's. Its Danish text is the library's.
	ErrCauseNotAkasse

	// ErrOver65NotWithoutBenefit (DFDG 4763 "A person who is 65 or older can only enroll as 'uden
	// ydelse' from jobnet", the enrollment service) applies when Jobnet registers a citizen of 65 or
	// older, by the birth date the caller gives (dfdg.Citizen.Born), in a category a loaded list does
	// not mark as 'uden ydelse'. Which categories are is not public: the embedded list marks none, and a
	// category the list does not hold is not refused. Its Danish text is the library's.
	ErrOver65NotWithoutBenefit

	// ErrCategoryNotEnrollable (DFDG 4641 "This category is not allowed to be enrolled", the enrollment
	// service) applies to a registration in a category a loaded list marks as not enrollable
	// (tilmeldekategorier's kan_tilmeldes). The embedded list marks none. Its Danish text is the
	// library's.
	ErrCategoryNotEnrollable

	// ErrCodeInternal (DFDG 6052 "Codelist value is only for internal use", the enrollment service)
	// applies to a registration in a category a loaded list marks as DFDG's internal
	// (tilmeldekategorier's intern). The embedded list marks none. Its Danish text is the library's.
	ErrCodeInternal

	// ErrConversationTypeInvalid (DFDG 90001, formerly 4709, "Den angivne samtaletype er ugyldig")
	// applies when a booking (CreateIndkaldelse, UpdateIndkaldelse) names a conversation type a
	// complete samtaletyper list does not hold.
	ErrConversationTypeInvalid

	// ErrDFDGAnswer is DFDG's answer with a code the library has no Kind for: FromDFDG gives it,
	// with the code and text DFDG answered with. Match it by code: errors.Is(err, Code(4703)).
	ErrDFDGAnswer

	numKinds
)

type entry struct {
	code            Code
	reason          string
	danish, english string
	// translated says which of the texts under a DFDG code are the library's translation, where
	// the documentation gives the code's text in the other language only.
	translated translated
}

// translated says which texts the library translated.
type translated uint8

const (
	translatedDanish translated = 1 << iota
	translatedEnglish
)

// fields returns the JSON names of the translated texts, for an error's "oversat".
func (t translated) fields() []string {
	switch t {
	case translatedDanish:
		return []string{"tekst"}
	case translatedEnglish:
		return []string{"tekstEn"}
	case translatedDanish | translatedEnglish:
		return []string{"tekst", "tekstEn"}
	}
	return nil
}

// catalogue holds the texts. Under a DFDG code, each text is DFDG's documented wording letter for
// letter (the Danish of 1003, 4589 and 110016 is the release note's), unless translated marks it as
// the library's: TestTextsAreDFDGsOrMarked checks both against the documentation's data
// (codelist.Documented). The Danish text of
// ErrOtherDeadlineOpen is the release note's; the other kinds without a code have library texts.
var catalogue = [numKinds]entry{
	ErrInvalidCPR: {1001, "InvalidCPR",
		"Ugyldigt cpr-nummer",
		"Invalid cpr", 0},
	ErrNegativeDuration: {1003, "NegativeDuration",
		"Den angivne varighed er negativ, startdato er større end slutdato",
		"The reported duration is negative, start date is greater than end date", 0},
	ErrIDNotFound: {4589, "IDNotFound",
		"Id ikke fundet",
		"Unknown identifier", 0},
	ErrPlanTypeMissing: {110016, "PlanTypeMissing",
		"Plantype mangler eller er forkert ved oprettelse af aktivitet for dagpengemodtager",
		"Plan type missing or wrong when creating an activity for a recipient of unemployment benefit", translatedEnglish},
	ErrOtherDeadlineOpen: {0, "OtherDeadlineOpen",
		"Borgeren har en frist med en anden samtaletype som først skal lukkes",
		"The citizen has a deadline of another conversation type that must be closed first", 0},
	ErrInvalidDate: {0, "InvalidDate",
		"Ugyldig dato",
		"Invalid date", 0},
	ErrMissingValue: {0, "MissingValue",
		"Obligatorisk oplysning mangler",
		"A required value is missing", 0},
	ErrInvalidValue: {0, "InvalidValue",
		"Ugyldig værdi",
		"Invalid value", 0},
	ErrUnknownCode: {0, "UnknownCode",
		"Værdien findes ikke i kodelisten",
		"The value is not in the code list", 0},
	ErrInactiveCode: {0, "InactiveCode",
		"Værdien er inaktiv i kodelisten og kan ikke vælges ved ny registrering",
		"The code-list entry is inactive and cannot be chosen for a new registration", 0},
	ErrInvalidMunicipality: {0, "InvalidMunicipality",
		"Ugyldigt kommunenummer",
		"Invalid municipality code", 0},
	ErrOverlapNotAllowed: {0, "OverlapNotAllowed",
		"Fraværet overlapper et fravær, som det ikke må overlappe",
		"The absence overlaps an absence it may not overlap", 0},
	ErrDuplicateActivity: {0, "DuplicateActivity",
		"Der findes allerede en virksomhedsrettet indsats med samme virksomhed, periode, timetal og jobtilbudtype",
		"A company-oriented activity with the same company, period, hours and job-offer type already exists", 0},
	ErrJobTitleExpired: {0, "JobTitleExpired",
		"Stillingsbetegnelsen er udgået",
		"The job title has expired", 0},
	ErrAuthorityAreaExpired: {0, "AuthorityAreaExpired",
		"Myndighedsområdet er udgået",
		"The authority area has expired", 0},
	ErrGuestCreateNotAllowed: {0, "GuestCreateNotAllowed",
		"Kun den kommune, som borgeren er jobcentertilknyttet, kan oprette en indsats; gæsteadgang giver kun adgang til at opdatere",
		"Only the municipality the citizen is attached to may create an activity; guest access allows updates only", 0},
	ErrInconsistentHistory: {0, "InconsistentHistory",
		"Borgerens historik er inkonsistent",
		"The citizen's history is inconsistent", 0},
	ErrRecordNotFound: {0, "RecordNotFound",
		"Registreringen findes ikke",
		"The record does not exist", 0},
	ErrInvalidState: {0, "InvalidState",
		"Handlingen passer ikke til registreringens tilstand",
		"The action does not fit the record's state", 0},
	ErrActorNotAllowed: {0, "ActorNotAllowed",
		"Aktøren må ikke udføre handlingen",
		"The actor may not perform this action", 0},
	ErrContactGroupOpen: {4644, "ContactGroupOpen",
		"Borger har allerede en åben kontaktgruppe",
		"This Client has an open existing contactgroup", 0},
	ErrEndsBeforeStart: {0, "EndsBeforeStart",
		"Posten slutter, før den starter",
		"The record ends before it starts", 0},
	ErrIDExists: {4977, "IDExists",
		"Det angivne id findes allerede",
		"The given id already exists", translatedEnglish},
	ErrContactGroupTypeInvalid: {4675, "ContactGroupTypeInvalid",
		"Den angivne kontaktgruppetype er ugyldig",
		"The ContactGroupTypeIdentifier is invalid", 0},
	ErrPersonDead: {4405, "PersonDead",
		"Borgeren med det specificerede CPR nummer er død",
		"The person with specified cpr is dead", 0},
	ErrEnrollmentOverlap: {4316, "EnrollmentOverlap",
		"Tilmeldingen overlapper en eksisterende tilmelding",
		"Enrollment overlap", translatedDanish},
	ErrClientCategoryInvalid: {4313, "ClientCategoryInvalid",
		"Den angivne tilmeldekategori er ugyldig",
		"Invalid client category type", translatedDanish},
	ErrJobOfferTypeInvalid: {8032, "JobOfferTypeInvalid",
		"Den angivne jobtilbudType er ikke gyldig",
		"The given job offer type is not valid", translatedEnglish},
	ErrEducationNotAllowed: {4591, "EducationNotAllowed",
		"Uddanelse ikke tilladt for borgere i denne kombination af kontaktgrupppe og personkategori",
		"Education is not allowed for citizens in this combination of contact group and person category", translatedEnglish},
	ErrAbsenceTypeNotAllowed: {0, "AbsenceTypeNotAllowed",
		"Fraværstypen er ikke tilladt for borgere i denne kombination af kontaktgruppe og personkategori",
		"The absence type is not allowed for citizens in this combination of contact group and person category", 0},
	ErrSickAbsenceOverdue: {0, "SickAbsenceOverdue",
		"Sygefraværet skulle være afsluttet efter 60 dage",
		"The sick absence should have been ended after 60 days", 0},
	ErrGroup24OpenAfterRecovery: {0, "SicknessGroupOpenAfterRecovery",
		"Kontaktgruppe 24 er åben, selv om borgeren er raskmeldt",
		"Contact group 24 is open though the citizen has recovered", 0},
	ErrPastDeletionDate: {0, "PastDeletionDate",
		"Posten skulle være slettet",
		"The record should have been deleted", 0},
	ErrInterviewBeforeResetting: {0, "InterviewBeforeResetting",
		"Afholdelsestidspunktet kan ikke ligge tidligere end senest afholdte nulstillende samtale.",
		"The time held cannot be earlier than the latest resetting interview held.", 0},
	ErrResettingInterviewsSameTime: {0, "ResettingInterviewsSameTime",
		"Der kan ikke registreres flere nulstillende samtaler som værende afholdt på præcist samme tidspunkt",
		"Several resetting interviews cannot be registered as held at exactly the same time", 0},
	ErrInterviewExists: {0, "InterviewExists",
		"Samtaler med samme samtaletype og afholdelsestidspunkt er ikke tilladt.",
		"Interviews with the same conversation type and time held are not allowed.", 0},
	ErrParticipationStatusMissing: {0, "ParticipationStatusMissing",
		"For samtaler, hvor InterviewWithMoreAuthorities er sat til True, skal ParticipationStatusTypeIdentifier også være angivet.",
		"For interviews where InterviewWithMoreAuthorities is True, ParticipationStatusTypeIdentifier must be given too.", 0},
	ErrMessageInvalid: {1014, "MessageInvalid",
		"Beskeden kunne ikke valideres",
		"Failed to validate message", 0},
	ErrNotAuthorized: {4575, "NotAuthorized",
		"Du har ikke rettigheder til at gennemføre denne handling",
		"You are not authorized to execute the operation", 0},
	ErrSickStartBeforeToday: {4685, "SickStartBeforeToday",
		"Det anmeldte fravær har en startdato før dags dato",
		"The reported absence has a start date before todays date", translatedDanish},
	ErrNoActiveContactGroup: {4686, "NoActiveContactGroup",
		"Borgeren skal have en aktiv kontaktgruppe",
		"This person must have an active contact group registration", translatedDanish},
	ErrEndCauseMissing: {4980, "EndCauseMissing",
		"Afslutningsårsag skal angives, når fraværets slutdato sættes",
		"Cause type identifier is required when setting illness end date", translatedDanish},
	ErrNotEnrolled: {4367, "NotEnrolled",
		"Borger er ikke tilmeldt",
		"The person is not enrolled", 0},
	ErrCancellationDate: {4322, "CancellationDate",
		"Afmeldingsdatoen skal være i dag, højst 30 dage frem eller 60 ved en mindre intensiv indsats",
		"The cancellation date must be today, maximum 30 days after or 60 in case of a less intensive effort", translatedDanish},
	ErrStartNotToday: {4703, "StartNotToday",
		"Startdatoen skal være i dag",
		"The start date must be today", translatedEnglish},
	ErrBookingStartBeforeToday: {90002, "BookingStartBeforeToday",
		"MoedeStarttidspunkt kan ikke være tidligere end dags dato",
		"The BookingTime cannot be before todays date", 0},
	ErrConversationTypeInvalid: {90001, "ConversationTypeInvalid",
		"Den angivne samtaletype er ugyldig",
		"The submitted InterviewTypeIdentifier is invalid", 0},
	ErrBookingEndBeforeStart: {90004, "BookingEndBeforeStart",
		"MoedeSluttidspunkt kan ikke være tidligere end moedestarttidspunktet",
		"The BookingEndTime cannot be before BookingStartTime", 0},
	ErrRebookingDeadlineNotAllowed: {90009, "RebookingDeadlineNotAllowed",
		"OmbookingFrist kan ikke sættes når ombook ikke er muligt",
		"Rebooking deadline cannot be specified if rebooking is not possible", 0},
	ErrRebookingDeadlineRequired: {90010, "RebookingDeadlineRequired",
		"OmbookingFrist er påkrævet når ombook er muligt",
		"Rebooking deadline must be specified if rebooking is possible", 0},
	ErrCancellationDeadlineNotAllowed: {90014, "CancellationDeadlineNotAllowed",
		"Aflysningsfrist kan ikke sættes når aflysning ikke er mulig",
		"A cancellation deadline cannot be specified if cancellation is not possible", translatedEnglish},
	ErrNotAkasseMember: {90006, "NotAkasseMember",
		"Borgeren er ikke medlem af en a-kasse",
		"Citizen not member of unemployment fund", 0},
	ErrOtherAkasse: {90007, "OtherAkasse",
		"Borgeren er medlem af en anden a-kasse",
		"Citizen belongs to different unemployment fund", 0},
	ErrBookingUnknown: {90036, "BookingUnknown",
		"Det angivne BookingId er ikke kendt i systemet",
		"The submitted BookingIdentifier is unknown to the system", 0},
	ErrCommentHTML: {4933, "CommentHTML",
		"Kommentarteksten må ikke indeholde html-tags",
		"The comment text cannot contain html tags", translatedDanish},
	ErrAbsenceConflictsWithGroup: {4645, "AbsenceConflictsWithGroup",
		"Registrering ikke tilladt pga. ugyldig kombination af kontaktgruppe og fravær",
		"This person has a absenceregistration that conflicts with this Contactgroup", 0},
	ErrPlanNoContactGroup: {8060, "PlanNoContactGroup",
		"Operation ikke lovlig da borger ikke har en aktiv kontaktgruppe",
		"Operation is not allowed when citizen has no active contact group", 0},
	ErrCaseworkerMissing: {8055, "CaseworkerMissing",
		"Ansvarlig sagsbehandler skal angives",
		"Responsible caseworker needs to be specified", translatedDanish},
	ErrEducationDeadlineNotAfterToday: {8018, "EducationDeadlineNotAfterToday",
		"Uddannelsesplanens pålægsfrist skal ligge efter dags dato",
		"The EducationPlanType.DeadlineDate (pålægsfrist) has to be greater than todays date", translatedDanish},
	ErrEducationPlanAboveThirty: {8044, "EducationPlanAboveThirty",
		"Uddannelsesplan er ikke tilladt for borgere over 30 år",
		"Education plan type is not allowed for citizen above age 30", translatedDanish},
	ErrPlanDescriptionTooLong: {8075, "PlanDescriptionTooLong",
		"Planbeskrivelsen er længere end 4050 tegn",
		"The plan description exceeds the limit of 4050 characters", translatedDanish | translatedEnglish},
	ErrCauseInvalid: {4340, "CauseInvalid",
		"Den angivne afmeldingsårsag er ugyldig",
		"The submitted CauseTypeIdentifier is invalid", translatedDanish},
	ErrCauseOnlyAkasse: {9118, "CauseOnlyAkasse",
		"Den angivne afmeldingsårsag kan kun bruges af a-kasser",
		"The submitted CauseTypeIdentifier can only be used by unemploymentfunds.", translatedDanish},
	ErrCauseNotAkasse: {9298, "CauseNotAkasse",
		"Den angivne afmeldingsårsag kan ikke bruges af a-kasser",
		"The submitted CauseTypeIdentifier can not be used by unemploymentfunds", translatedDanish},
	ErrOver65NotWithoutBenefit: {4763, "OverSixtyFiveNotWithoutBenefit",
		"En person på 65 år eller derover kan kun tilmelde sig som 'uden ydelse' fra Jobnet",
		"A person who is 65 or older can only enroll as 'uden ydelse' from jobnet", translatedDanish},
	ErrCategoryNotEnrollable: {4641, "CategoryNotEnrollable",
		"Der kan ikke tilmeldes i denne kategori",
		"This category is not allowed to be enrolled", translatedDanish},
	ErrCodeInternal: {6052, "CodeInternal",
		"Kodelisteværdien er kun til intern brug",
		"Codelist value is only for internal use", translatedDanish},
	ErrDFDGAnswer: {0, "DFDGAnswer",
		"DFDG afviste kaldet",
		"DFDG rejected the call", 0},
}

// kindByReason returns the Kind whose reason is r, such as "PlanTypeMissing".
func kindByReason(r string) (Kind, bool) {
	for k := Kind(1); k < numKinds; k++ {
		if catalogue[k].reason == r {
			return k, true
		}
	}
	return 0, false
}

// kindByCode returns the Kind with DFDG code c.
func kindByCode(c Code) (Kind, bool) {
	if c == 0 {
		return 0, false
	}
	for k := Kind(1); k < numKinds; k++ {
		if catalogue[k].code == c {
			return k, true
		}
	}
	return 0, false
}

// unknownReason is the reason of the zero Kind, which is not an entry.
const unknownReason = "Unknown"

func (k Kind) entry() entry {
	if k == 0 || k >= numKinds {
		return entry{reason: unknownReason, danish: "Ukendt fejl", english: "Unknown error"}
	}
	return catalogue[k]
}

// Code returns k's DFDG code, or 0 when DFDG documents none.
func (k Kind) Code() Code { return k.entry().code }

// Reason returns k's stable library reason, such as "PlanTypeMissing". Every Kind has one.
func (k Kind) Reason() string { return k.entry().reason }

// Danish returns k's Danish text: for 1003, 4589, 110016 and the deadline rule 1.1, the release
// note's text letter for letter.
func (k Kind) Danish() string { return k.entry().danish }

// English returns k's English text.
func (k Kind) English() string { return k.entry().english }

// Error makes k a sentinel error: "dfdg 1003: Den angivne varighed …", or the reason in place of
// the code when there is none.
func (k Kind) Error() string {
	id := k.Reason()
	if c := k.Code(); c != 0 {
		id = c.Error()
	}
	return "dfdg " + id + ": " + k.Danish()
}

func unknownKind(s string) error {
	return New(ErrInvalidValue, "", "aarsag", s).WithDetail("ukendt fejlkode eller årsag", "unknown error code or reason")
}
