// Package plan builds the content of Min plan, the citizen's plan document, for section 3 of the
// release note: job titles with their aliases on company-oriented activities (3.3) and the
// Danish-acquisition section of an Integration Act contract (3.6). The plan itself, its type and its
// contract are records of the citizen (dfdg.Plan); rule 3.1 reads the plan's type in package activity,
// which also turns a citizen's activities into Min plan (activity.Rules.MinPlan).
//
// MinPlan returns a plain document model (a title, sections, lines) and Document.Text renders it as
// text; rendering it as PDF or HTML is the caller's (examples/minplanpdf does PDF).
//
// Beyond the note, Rules pre-validates the plan service's draft plan (CreateDraft: CreateDraftPlan,
// with DFDG's 8060, 8055, 8075, 8018 and 8044) and the rectification of a plan's description
// (Rectify: 8075), as the operations table in package codelist records them.
package plan
