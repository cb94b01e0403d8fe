"""Care for buyers: satisfaction surveys and their answers; quality and credit codes.

Modules (import the one you need; this package imports none of them, so the member
sheet can use `codes` without pulling in the rest):
- codes: quality marks and credit levels as codes, names and sheet text (no database)
- surveys: survey definitions (SurveyInfo, Question, save/list/delete)
- responses: answers per buyer, custom fields they fill, the survey points bonus
- satisfaction: average score and count per month and per tier, in SQL
- survey_sheet: answers out to a sheet and back in
Quality marks themselves are services.quality_marks.
"""
