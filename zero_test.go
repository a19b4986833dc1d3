package dfdg_test

import (
	"go/ast"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/regelkit/dfdg/plan"
	"github.com/regelkit/dfdg/scenario"
	"github.com/stretchr/testify/require"
)

// exportedAPI lists the exported functions and methods of the library's packages, as the source
// declares them: "codelist.Load", "dfdg.Date.AddDays", "codelist.*List.Name".
func exportedAPI(t *testing.T) []string {
	t.Helper()
	var out []string
	for dir, pkg := range libraryPackages {
		for _, af := range sourceFiles(t, dir) {
			for _, d := range af.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || !fd.Name.IsExported() {
					continue
				}
				name := pkg + "." + fd.Name.Name
				if fd.Recv != nil {
					typ, star := fd.Recv.List[0].Type, ""
					if s, ok := typ.(*ast.StarExpr); ok {
						typ, star = s.X, "*"
					}
					id, ok := typ.(*ast.Ident)
					if !ok || !id.IsExported() {
						continue
					}
					name = pkg + "." + star + id.Name + "." + fd.Name.Name
				}
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// zeroCalls holds every exported function and method, as a value the test calls with zero values.
// A test keeps it complete: a new exported function or method must be added here.
var zeroCalls = map[string]any{
	"absence.Rules.CheckOverlap":                   absence.Rules.CheckOverlap,
	"absence.Rules.Create":                         absence.Rules.Create,
	"absence.Rules.IsSickness":                     absence.Rules.IsSickness,
	"absence.Rules.Recover":                        absence.Rules.Recover,
	"absence.Rules.ReportSick":                     absence.Rules.ReportSick,
	"absence.Rules.Resume":                         absence.Rules.Resume,
	"absence.Rules.Sweep":                          absence.Rules.Sweep,
	"absence.Rules.Update":                         absence.Rules.Update,
	"absence.Rules.ValidateCreate":                 absence.Rules.ValidateCreate,
	"absence.Rules.ValidateUpdate":                 absence.Rules.ValidateUpdate,
	"activity.Rules.CheckPlanType":                 activity.Rules.CheckPlanType,
	"activity.Rules.Create":                        activity.Rules.Create,
	"activity.Rules.FindDuplicate":                 activity.Rules.FindDuplicate,
	"activity.Rules.CheckDuplicate":                activity.Rules.CheckDuplicate,
	"activity.Rules.CheckReferences":               activity.Rules.CheckReferences,
	"activity.Rules.IsCompanyOriented":             activity.Rules.IsCompanyOriented,
	"activity.Rules.MinPlan":                       activity.Rules.MinPlan,
	"activity.Rules.MinPlanItem":                   activity.Rules.MinPlanItem,
	"activity.Rules.Update":                        activity.Rules.Update,
	"activity.Rules.ValidateCreate":                activity.Rules.ValidateCreate,
	"activity.Rules.ValidateUpdate":                activity.Rules.ValidateUpdate,
	"codelist.*Catalog.DeregistrationCauses":       (*codelist.Catalog).DeregistrationCauses,
	"codelist.*Catalog.AbsenceTypes":               (*codelist.Catalog).AbsenceTypes,
	"codelist.*Catalog.ActivityTypes":              (*codelist.Catalog).ActivityTypes,
	"codelist.*Catalog.AuthorityAreas":             (*codelist.Catalog).AuthorityAreas,
	"codelist.*Catalog.ContactGroups":              (*codelist.Catalog).ContactGroups,
	"codelist.*Catalog.ConversationTypes":          (*codelist.Catalog).ConversationTypes,
	"codelist.*Catalog.DeadlineStatuses":           (*codelist.Catalog).DeadlineStatuses,
	"codelist.*Catalog.ExternalReferenceTypes":     (*codelist.Catalog).ExternalReferenceTypes,
	"codelist.*Catalog.IsMunicipality":             (*codelist.Catalog).IsMunicipality,
	"codelist.*Catalog.JobOfferTypes":              (*codelist.Catalog).JobOfferTypes,
	"codelist.*Catalog.List":                       (*codelist.Catalog).List,
	"codelist.*Catalog.Lists":                      (*codelist.Catalog).Lists,
	"codelist.*Catalog.MarshalJSON":                (*codelist.Catalog).MarshalJSON,
	"codelist.*Catalog.Municipalities":             (*codelist.Catalog).Municipalities,
	"codelist.*Catalog.ParticipationChoices":       (*codelist.Catalog).ParticipationChoices,
	"codelist.*Catalog.PensionAgeDate":             (*codelist.Catalog).PensionAgeDate,
	"codelist.*Catalog.PensionAges":                (*codelist.Catalog).PensionAges,
	"codelist.*Catalog.PersonCategories":           (*codelist.Catalog).PersonCategories,
	"codelist.*Catalog.PlanTypes":                  (*codelist.Catalog).PlanTypes,
	"codelist.*Catalog.ProjectTypes":               (*codelist.Catalog).ProjectTypes,
	"codelist.*Catalog.RegistrationCategories":     (*codelist.Catalog).RegistrationCategories,
	"codelist.*Catalog.UnmarshalJSON":              (*codelist.Catalog).UnmarshalJSON,
	"codelist.*Entry.UnmarshalJSON":                (*codelist.Entry).UnmarshalJSON,
	"codelist.*List.ActiveOn":                      (*codelist.List).ActiveOn,
	"codelist.*List.All":                           (*codelist.List).All,
	"codelist.*List.ActiveAlways":                  (*codelist.List).ActiveAlways,
	"codelist.*List.OverlapOf":                     (*codelist.List).OverlapOf,
	"codelist.Overlap.Allows":                      codelist.Overlap.Allows,
	"codelist.*List.CheckNew":                      (*codelist.List).CheckNew,
	"codelist.*List.CheckNewItem":                  (*codelist.List).CheckNewItem,
	"codelist.*List.Complete":                      (*codelist.List).Complete,
	"codelist.*List.Get":                           (*codelist.List).Get,
	"codelist.*List.Has":                           (*codelist.List).Has,
	"codelist.*List.Len":                           (*codelist.List).Len,
	"codelist.*List.MarshalJSON":                   (*codelist.List).MarshalJSON,
	"codelist.*List.MayOverlap":                    (*codelist.List).MayOverlap,
	"codelist.*List.Name":                          (*codelist.List).Name,
	"codelist.*List.Notes":                         (*codelist.List).Notes,
	"codelist.*List.Retrieved":                     (*codelist.List).Retrieved,
	"codelist.*List.Sources":                       (*codelist.List).Sources,
	"codelist.*List.Title":                         (*codelist.List).Title,
	"codelist.*List.UnmarshalJSON":                 (*codelist.List).UnmarshalJSON,
	"codelist.*List.WriteTo":                       (*codelist.List).WriteTo,
	"codelist.*ParseError.Error":                   (*codelist.ParseError).Error,
	"codelist.*ParseError.MarshalJSON":             (*codelist.ParseError).MarshalJSON,
	"codelist.*ParseError.UnmarshalJSON":           (*codelist.ParseError).UnmarshalJSON,
	"codelist.*ParseError.Unwrap":                  (*codelist.ParseError).Unwrap,
	"codelist.*Catalog.AbsenceCombinations":        (*codelist.Catalog).AbsenceCombinations,
	"codelist.*Combinations.Allows":                (*codelist.Combinations).Allows,
	"codelist.*Combinations.Complete":              (*codelist.Combinations).Complete,
	"codelist.*Combinations.MarshalJSON":           (*codelist.Combinations).MarshalJSON,
	"codelist.*Combinations.Notes":                 (*codelist.Combinations).Notes,
	"codelist.*Combinations.Restricts":             (*codelist.Combinations).Restricts,
	"codelist.*Combinations.Rows":                  (*codelist.Combinations).Rows,
	"codelist.*Combinations.Sources":               (*codelist.Combinations).Sources,
	"codelist.*Combinations.UnmarshalJSON":         (*codelist.Combinations).UnmarshalJSON,
	"codelist.*PensionAges.Date":                   (*codelist.PensionAges).Date,
	"codelist.*PensionAges.For":                    (*codelist.PensionAges).For,
	"codelist.*PensionAges.MarshalJSON":            (*codelist.PensionAges).MarshalJSON,
	"codelist.*PensionAges.Notes":                  (*codelist.PensionAges).Notes,
	"codelist.*PensionAges.Rows":                   (*codelist.PensionAges).Rows,
	"codelist.*PensionAges.Sources":                (*codelist.PensionAges).Sources,
	"codelist.*PensionAges.UnmarshalJSON":          (*codelist.PensionAges).UnmarshalJSON,
	"codelist.Default":                             codelist.Default,
	"codelist.Entry.ActiveOn":                      codelist.Entry.ActiveOn,
	"codelist.Entry.Aliases":                       codelist.Entry.Aliases,
	"codelist.Entry.MarshalJSON":                   codelist.Entry.MarshalJSON,
	"codelist.Entry.MayOverlap":                    codelist.Entry.MayOverlap,
	"codelist.Entry.OverlapAllowed":                codelist.Entry.OverlapAllowed,
	"codelist.Entry.RestrictsOverlap":              codelist.Entry.RestrictsOverlap,
	"codelist.Entry.String":                        codelist.Entry.String,
	"codelist.Load":                                codelist.Load,
	"codelist.PensionAge.Covers":                   codelist.PensionAge.Covers,
	"codelist.PensionAge.String":                   codelist.PensionAge.String,
	"contactgroup.*BenefitOutcome.UnmarshalText":   (*contactgroup.BenefitOutcome).UnmarshalText,
	"contactgroup.BenefitOutcome.MarshalText":      contactgroup.BenefitOutcome.MarshalText,
	"contactgroup.BenefitOutcome.String":           contactgroup.BenefitOutcome.String,
	"contactgroup.Rules.ChangePersonCategory":      contactgroup.Rules.ChangePersonCategory,
	"contactgroup.Rules.CheckHistory":              contactgroup.Rules.CheckHistory,
	"contactgroup.Rules.CreateDeadline":            contactgroup.Rules.CreateDeadline,
	"contactgroup.Rules.DecideBenefit":             contactgroup.Rules.DecideBenefit,
	"contactgroup.Rules.IsApplicant":               contactgroup.Rules.IsApplicant,
	"contactgroup.Rules.PlaceInGroup":              contactgroup.Rules.PlaceInGroup,
	"contactgroup.Rules.RegisterJobseeker":         contactgroup.Rules.RegisterJobseeker,
	"contactgroup.Rules.ValidateCreateDeadline":    contactgroup.Rules.ValidateCreateDeadline,
	"contactgroup.Rules.ValidateInterview":         contactgroup.Rules.ValidateInterview,
	"contactgroup.Rules.ValidatePlaceInGroup":      contactgroup.Rules.ValidatePlaceInGroup,
	"contactgroup.Rules.ValidateRegisterJobseeker": contactgroup.Rules.ValidateRegisterJobseeker,
	"dfdg.*Act.UnmarshalText":                      (*dfdg.Act).UnmarshalText,
	"dfdg.*ActivityStatus.UnmarshalText":           (*dfdg.ActivityStatus).UnmarshalText,
	"dfdg.*Actor.UnmarshalText":                    (*dfdg.Actor).UnmarshalText,
	"dfdg.*ActorKind.UnmarshalText":                (*dfdg.ActorKind).UnmarshalText,
	"dfdg.*CPR.UnmarshalText":                      (*dfdg.CPR).UnmarshalText,
	"dfdg.*ChangeType.UnmarshalText":               (*dfdg.ChangeType).UnmarshalText,
	"dfdg.*Date.Scan":                              (*dfdg.Date).Scan,
	"dfdg.*Date.UnmarshalJSON":                     (*dfdg.Date).UnmarshalJSON,
	"dfdg.*Date.UnmarshalText":                     (*dfdg.Date).UnmarshalText,
	"dfdg.*DeadlineStatus.UnmarshalText":           (*dfdg.DeadlineStatus).UnmarshalText,
	"dfdg.*Municipality.UnmarshalJSON":             (*dfdg.Municipality).UnmarshalJSON,
	"dfdg.*PlanType.UnmarshalText":                 (*dfdg.PlanType).UnmarshalText,
	"dfdg.*RecordKind.UnmarshalText":               (*dfdg.RecordKind).UnmarshalText,
	"dfdg.*RuleSet.UnmarshalJSON":                  (*dfdg.RuleSet).UnmarshalJSON,
	"dfdg.Act.MarshalText":                         dfdg.Act.MarshalText,
	"dfdg.Act.String":                              dfdg.Act.String,
	"dfdg.ActivityStatus.MarshalText":              dfdg.ActivityStatus.MarshalText,
	"dfdg.ActivityStatus.String":                   dfdg.ActivityStatus.String,
	"dfdg.Actor.GuestOf":                           dfdg.Actor.GuestOf,
	"dfdg.Actor.IsZero":                            dfdg.Actor.IsZero,
	"dfdg.Actor.MarshalText":                       dfdg.Actor.MarshalText,
	"dfdg.Actor.String":                            dfdg.Actor.String,
	"dfdg.ActorKind.MarshalText":                   dfdg.ActorKind.MarshalText,
	"dfdg.ActorKind.String":                        dfdg.ActorKind.String,
	"dfdg.AkasseActor":                             dfdg.AkasseActor,
	"dfdg.OtherActor":                              dfdg.OtherActor,
	"dfdg.At.Today":                                dfdg.At.Today,
	"dfdg.CPR.BirthDate":                           dfdg.CPR.BirthDate,
	"dfdg.CPR.Format":                              dfdg.CPR.Format,
	"dfdg.CPR.Gender":                              dfdg.CPR.Gender,
	"dfdg.CPR.GoString":                            dfdg.CPR.GoString,
	"dfdg.CPR.IsZero":                              dfdg.CPR.IsZero,
	"dfdg.CPR.LogValue":                            dfdg.CPR.LogValue,
	"dfdg.CPR.MarshalText":                         dfdg.CPR.MarshalText,
	"dfdg.CPR.Modulus11":                           dfdg.CPR.Modulus11,
	"dfdg.CPR.String":                              dfdg.CPR.String,
	"dfdg.CPR.Unmasked":                            dfdg.CPR.Unmasked,
	"dfdg.ChangeType.MarshalText":                  dfdg.ChangeType.MarshalText,
	"dfdg.ChangeType.String":                       dfdg.ChangeType.String,
	"dfdg.Citizen.Absence":                         dfdg.Citizen.Absence,
	"dfdg.Citizen.Activity":                        dfdg.Citizen.Activity,
	"dfdg.Citizen.Apply":                           dfdg.Citizen.Apply,
	"contactgroup.Rules.AddParticipant":            contactgroup.Rules.AddParticipant,
	"contactgroup.Rules.CreateBooking":             contactgroup.Rules.CreateBooking,
	"contactgroup.Rules.DeleteBooking":             contactgroup.Rules.DeleteBooking,
	"contactgroup.Rules.Deregister":                contactgroup.Rules.Deregister,
	"contactgroup.Rules.EndGroup":                  contactgroup.Rules.EndGroup,
	"contactgroup.Rules.GrantGuestAccess":          contactgroup.Rules.GrantGuestAccess,
	"contactgroup.Rules.UpdateBooking":             contactgroup.Rules.UpdateBooking,
	"contactgroup.Rules.ValidateAddParticipant":    contactgroup.Rules.ValidateAddParticipant,
	"contactgroup.Rules.ValidateCreateBooking":     contactgroup.Rules.ValidateCreateBooking,
	"contactgroup.Rules.ValidateDeregister":        contactgroup.Rules.ValidateDeregister,
	"contactgroup.Rules.ValidateGrantGuestAccess":  contactgroup.Rules.ValidateGrantGuestAccess,
	"contactgroup.Rules.ValidateUpdateBooking":     contactgroup.Rules.ValidateUpdateBooking,
	"dfdg.Citizen.Booking":                         dfdg.Citizen.Booking,
	"plan.Rules.CreateDraft":                       plan.Rules.CreateDraft,
	"plan.Rules.Rectify":                           plan.Rules.Rectify,
	"plan.Rules.ValidateCreateDraft":               plan.Rules.ValidateCreateDraft,
	"dfdg.Activity.MarshalJSON":                    dfdg.Activity.MarshalJSON,
	"dfdg.Citizen.GroupAt":                         dfdg.Citizen.GroupAt,
	"dfdg.Citizen.GuestOf":                         dfdg.Citizen.GuestOf,
	"dfdg.GuestAccess.ActiveAt":                    dfdg.GuestAccess.ActiveAt,
	"dfdg.Citizen.CategoryAt":                      dfdg.Citizen.CategoryAt,
	"dfdg.Citizen.RegistrationAt":                  dfdg.Citizen.RegistrationAt,
	"dfdg.Date.AddDays":                            dfdg.Date.AddDays,
	"dfdg.Date.AddMonths":                          dfdg.Date.AddMonths,
	"dfdg.Date.AddYears":                           dfdg.Date.AddYears,
	"dfdg.Date.After":                              dfdg.Date.After,
	"dfdg.Date.AppendFormat":                       dfdg.Date.AppendFormat,
	"dfdg.Date.Before":                             dfdg.Date.Before,
	"dfdg.Date.Compare":                            dfdg.Date.Compare,
	"dfdg.Date.Date":                               dfdg.Date.Date,
	"dfdg.Date.Day":                                dfdg.Date.Day,
	"dfdg.Date.Equal":                              dfdg.Date.Equal,
	"dfdg.Date.IsZero":                             dfdg.Date.IsZero,
	"dfdg.Date.MarshalJSON":                        dfdg.Date.MarshalJSON,
	"dfdg.Date.MarshalText":                        dfdg.Date.MarshalText,
	"dfdg.Date.Month":                              dfdg.Date.Month,
	"dfdg.Date.String":                             dfdg.Date.String,
	"dfdg.Date.Sub":                                dfdg.Date.Sub,
	"dfdg.Date.Time":                               dfdg.Date.Time,
	"dfdg.Date.Value":                              dfdg.Date.Value,
	"dfdg.Date.Weekday":                            dfdg.Date.Weekday,
	"dfdg.Date.Year":                               dfdg.Date.Year,
	"dfdg.DateOf":                                  dfdg.DateOf,
	"dfdg.Deadline.StatusOn":                       dfdg.Deadline.StatusOn,
	"dfdg.DeadlineStatus.MarshalText":              dfdg.DeadlineStatus.MarshalText,
	"dfdg.DeadlineStatus.String":                   dfdg.DeadlineStatus.String,
	"dfdg.Decision.Changes":                        dfdg.Decision.Changes,
	"dfdg.Decision.Merge":                          dfdg.Decision.Merge,
	"dfdg.Gender.String":                           dfdg.Gender.String,
	"dfdg.InDenmark":                               dfdg.InDenmark,
	"dfdg.JobTitle.ExpiredOn":                      dfdg.JobTitle.ExpiredOn,
	"dfdg.JobTitle.IsZero":                         dfdg.JobTitle.IsZero,
	"dfdg.JobTitle.String":                         dfdg.JobTitle.String,
	"dfdg.Membership.ActiveAt":                     dfdg.Membership.ActiveAt,
	"dfdg.Membership.Open":                         dfdg.Membership.Open,
	"dfdg.Message.String":                          dfdg.Message.String,
	"dfdg.Municipality.Code4":                      dfdg.Municipality.Code4,
	"dfdg.Municipality.String":                     dfdg.Municipality.String,
	"dfdg.MunicipalityOf":                          dfdg.MunicipalityOf,
	"dfdg.MunicipalityActor":                       dfdg.MunicipalityActor,
	"dfdg.MustDate":                                dfdg.MustDate,
	"dfdg.MustParseCPR":                            dfdg.MustParseCPR,
	"dfdg.MustParseDate":                           dfdg.MustParseDate,
	"dfdg.NewDate":                                 dfdg.NewDate,
	"dfdg.ParseActor":                              dfdg.ParseActor,
	"dfdg.ParseCPR":                                dfdg.ParseCPR,
	"dfdg.ParseDate":                               dfdg.ParseDate,
	"dfdg.ParseMunicipality":                       dfdg.ParseMunicipality,
	"dfdg.Period.Contains":                         dfdg.Period.Contains,
	"dfdg.Period.Days":                             dfdg.Period.Days,
	"dfdg.Period.Open":                             dfdg.Period.Open,
	"dfdg.Period.Overlaps":                         dfdg.Period.Overlaps,
	"dfdg.Period.String":                           dfdg.Period.String,
	"dfdg.Period.Valid":                            dfdg.Period.Valid,
	"dfdg.*Plan.AkasseMayReceive":                  (*dfdg.Plan).AkasseMayReceive,
	"dfdg.PlanType.AkasseMayReceive":               dfdg.PlanType.AkasseMayReceive,
	"dfdg.PlanType.MarshalText":                    dfdg.PlanType.MarshalText,
	"dfdg.PlanType.String":                         dfdg.PlanType.String,
	"dfdg.RecordKind.MarshalText":                  dfdg.RecordKind.MarshalText,
	"dfdg.RecordKind.String":                       dfdg.RecordKind.String,
	"dfdg.RecordKinds":                             dfdg.RecordKinds,
	"dfdg.ReferenceType.CarriesMunicipality":       dfdg.ReferenceType.CarriesMunicipality,
	"dfdg.PersonCategorization.ActiveAt":           dfdg.PersonCategorization.ActiveAt,
	"dfdg.Registration.ActiveAt":                   dfdg.Registration.ActiveAt,
	"dfdg.Registration.Open":                       dfdg.Registration.Open,
	"dfdg.RuleByID":                                dfdg.RuleByID,
	"dfdg.RuleSet.All":                             dfdg.RuleSet.All,
	"dfdg.RuleSet.Has":                             dfdg.RuleSet.Has,
	"dfdg.RuleSet.IDs":                             dfdg.RuleSet.IDs,
	"dfdg.RuleSet.Len":                             dfdg.RuleSet.Len,
	"dfdg.RuleSet.MarshalJSON":                     dfdg.RuleSet.MarshalJSON,
	"dfdg.RuleSet.String":                          dfdg.RuleSet.String,
	"dfdg.RuleSet.Union":                           dfdg.RuleSet.Union,
	"dfdg.RuleSet.With":                            dfdg.RuleSet.With,
	"dfdg.Rules":                                   dfdg.Rules,
	"dfdg.RulesOf":                                 dfdg.RulesOf,
	"dfdg.SystemActor":                             dfdg.SystemActor,
	"errors.*Error.Code":                           (*dfdgerrors.Error).Code,
	"errors.*Error.Danish":                         (*dfdgerrors.Error).Danish,
	"errors.*Error.Detail":                         (*dfdgerrors.Error).Detail,
	"errors.*Error.English":                        (*dfdgerrors.Error).English,
	"errors.*Error.Error":                          (*dfdgerrors.Error).Error,
	"errors.*Error.Field":                          (*dfdgerrors.Error).Field,
	"errors.*Error.Is":                             (*dfdgerrors.Error).Is,
	"errors.*Error.Kind":                           (*dfdgerrors.Error).Kind,
	"errors.*Error.MarshalJSON":                    (*dfdgerrors.Error).MarshalJSON,
	"errors.*Error.Rule":                           (*dfdgerrors.Error).Rule,
	"errors.*Error.UnmarshalJSON":                  (*dfdgerrors.Error).UnmarshalJSON,
	"errors.*Error.Value":                          (*dfdgerrors.Error).Value,
	"errors.*Error.WithDetail":                     (*dfdgerrors.Error).WithDetail,
	"errors.*Error.WithField":                      (*dfdgerrors.Error).WithField,
	"errors.Append":                                dfdgerrors.Append,
	"errors.As":                                    dfdgerrors.As,
	"errors.Code.Error":                            dfdgerrors.Code.Error,
	"codelist.Documented":                          codelist.Documented,
	"codelist.DocumentedCodes":                     codelist.DocumentedCodes,
	"errors.FromDFDG":                              dfdgerrors.FromDFDG,
	"errors.Kind.Code":                             dfdgerrors.Kind.Code,
	"errors.Kind.Danish":                           dfdgerrors.Kind.Danish,
	"errors.Kind.English":                          dfdgerrors.Kind.English,
	"errors.Kind.Error":                            dfdgerrors.Kind.Error,
	"errors.Kind.Reason":                           dfdgerrors.Kind.Reason,
	"codelist.*Operation.Check":                    (*codelist.Operation).Check,
	"codelist.*Operation.CheckInt":                 (*codelist.Operation).CheckInt,
	"codelist.*Operation.Admits":                   (*codelist.Operation).Admits,
	"codelist.Operation.Documents":                 codelist.Operation.Documents,
	"codelist.OperationNamed":                      codelist.OperationNamed,
	"codelist.Operations":                          codelist.Operations,
	"absence.Rules.CreateSickness":                 absence.Rules.CreateSickness,
	"absence.Rules.ValidateCreateSickness":         absence.Rules.ValidateCreateSickness,
	"codelist.SourceByKey":                         codelist.SourceByKey,
	"errors.List.Err":                              dfdgerrors.List.Err,
	"dfdg.MaskCPR":                                 dfdg.MaskCPR,
	"dfdg.*Activity.UnmarshalJSON":                 (*dfdg.Activity).UnmarshalJSON,
	"errors.NewCause":                              dfdgerrors.NewCause[absence.Overlap],
	"errors.*Error.Unwrap":                         (*dfdgerrors.Error).Unwrap,
	"errors.Error.Format":                          dfdgerrors.Error.Format,
	"absence.Overlap.Where":                        absence.Overlap.Where,
	"absence.Overlap.Explain":                      absence.Overlap.Explain,
	"absence.Overlap.Error":                        absence.Overlap.Error,
	"activity.Duplicate.Where":                     activity.Duplicate.Where,
	"activity.Duplicate.Explain":                   activity.Duplicate.Explain,
	"activity.Duplicate.Error":                     activity.Duplicate.Error,
	"activity.BadReference.Where":                  activity.BadReference.Where,
	"activity.BadReference.Explain":                activity.BadReference.Explain,
	"activity.BadReference.Error":                  activity.BadReference.Error,
	"contactgroup.OpenDeadline.Where":              contactgroup.OpenDeadline.Where,
	"contactgroup.OpenDeadline.Explain":            contactgroup.OpenDeadline.Explain,
	"contactgroup.OpenDeadline.Error":              contactgroup.OpenDeadline.Error,
	"codelist.Rejected.Where":                      codelist.Rejected.Where,
	"codelist.Rejected.Explain":                    codelist.Rejected.Explain,
	"codelist.Rejected.Error":                      codelist.Rejected.Error,
	"errors.New":                                   dfdgerrors.New,
	"errors.Path.Child":                            dfdgerrors.Path.Child,
	"errors.Path.Index":                            dfdgerrors.Path.Index,
	"gdpr.*Basis.UnmarshalText":                    (*gdpr.Basis).UnmarshalText,
	"gdpr.Basis.Danish":                            gdpr.Basis.Danish,
	"gdpr.Basis.English":                           gdpr.Basis.English,
	"gdpr.Basis.MarshalText":                       gdpr.Basis.MarshalText,
	"gdpr.Basis.String":                            gdpr.Basis.String,
	"gdpr.Due.DueOn":                               gdpr.Due.DueOn,
	"gdpr.Due.String":                              gdpr.Due.String,
	"gdpr.Rules.CheckRead":                         gdpr.Rules.CheckRead,
	"gdpr.Rules.Delete":                            gdpr.Rules.Delete,
	"gdpr.Rules.DeletionDate":                      gdpr.Rules.DeletionDate,
	"gdpr.Rules.Sweep":                             gdpr.Rules.Sweep,
	"plan.Document.Section":                        plan.Document.Section,
	"plan.Document.Text":                           plan.Document.Text,
	"plan.Document.Sections":                       plan.Document.Sections,
	"plan.DanishDate":                              plan.DanishDate,
	"plan.DanishPeriod":                            plan.DanishPeriod,
	"plan.DanishDecimal":                           plan.DanishDecimal,
	"plan.Item.MarshalJSON":                        plan.Item.MarshalJSON,
	"plan.MinPlan":                                 plan.MinPlan,
	"scenario.*Error.Error":                        (*scenario.Error).Error,
	"scenario.*Error.MarshalJSON":                  (*scenario.Error).MarshalJSON,
	"scenario.*Error.UnmarshalJSON":                (*scenario.Error).UnmarshalJSON,
	"scenario.*Error.Unwrap":                       (*scenario.Error).Unwrap,
	"scenario.IsMalformed":                         scenario.IsMalformed,
	"scenario.Load":                                scenario.Load,
	"scenario.Parse":                               scenario.Parse,
	"scenario.Result.Pass":                         scenario.Result.Pass,
	"scenario.Run":                                 scenario.Run,
	"scenario.RunCase":                             scenario.RunCase,
	"scenario.RunFile":                             scenario.RunFile,
	"scenario.Schema":                              scenario.Schema,
}

// mayPanic are the Must… helpers, which panic on bad input by design.
var mayPanic = map[string]bool{"dfdg.MustDate": true, "dfdg.MustParseDate": true, "dfdg.MustParseCPR": true}

// Every exported function and method, called with zero values (zero structs, nil pointers, nil
// slices, maps, iterators and interfaces), and with a pointer to a zero value for a pointer receiver,
// returns without panicking; iterators it returns are ranged over to the end.
func TestZeroValuesNeverPanic(t *testing.T) {
	api := exportedAPI(t)
	for _, name := range api {
		if _, ok := zeroCalls[name]; !ok {
			t.Errorf("%s is not in zeroCalls: add it, so that it is called with zero values", name)
		}
	}
	require.Len(t, zeroCalls, len(api), "zeroCalls names only what exists")
	for name, fn := range zeroCalls {
		if mayPanic[name] {
			continue
		}
		f := reflect.ValueOf(fn)
		for _, args := range zeroArgs(f.Type()) {
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s%v panics: %v", name, describeArgs(args), p)
					}
				}()
				var out []reflect.Value
				if f.Type().IsVariadic() {
					out = f.CallSlice(args)
				} else {
					out = f.Call(args)
				}
				for _, v := range out {
					drain(v)
				}
			}()
		}
	}
}

// zeroArgs gives the argument lists to call a function of type ft with: the zero of every parameter,
// and, when the first is a pointer, the same with a pointer to a zero value.
func zeroArgs(ft reflect.Type) [][]reflect.Value {
	args := make([]reflect.Value, ft.NumIn())
	for i := range args {
		args[i] = reflect.Zero(ft.In(i))
	}
	lists := [][]reflect.Value{args}
	if ft.NumIn() > 0 && ft.In(0).Kind() == reflect.Pointer {
		alt := append([]reflect.Value(nil), args...)
		alt[0] = reflect.New(ft.In(0).Elem())
		lists = append(lists, alt)
	}
	return lists
}

// drain ranges over v when it is an iterator (a function that takes a yield function).
func drain(v reflect.Value) {
	t := v.Type()
	if t.Kind() != reflect.Func || v.IsNil() || t.NumIn() != 1 || t.In(0).Kind() != reflect.Func {
		return
	}
	yield := reflect.MakeFunc(t.In(0), func([]reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf(true)} })
	v.Call([]reflect.Value{yield})
}

func describeArgs(args []reflect.Value) string {
	var parts []string
	for _, a := range args {
		parts = append(parts, a.Type().String())
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
