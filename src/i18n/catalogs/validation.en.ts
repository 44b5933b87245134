/**
 * Field messages (`errors[].message`) in English, exactly as class-validator 0.15 and the services
 * write them, with `{subject}` for the field ("budget" or "each value in roles"). A message that
 * matches one of these is re-written in the reader's language; any other stays in English. The unit
 * test runs class-validator itself, so an upgrade that rewords a message fails it.
 */
export const VALIDATION_EN = {
  'validation.subject.field': '{field}',
  'validation.subject.each': 'each value in {field}',

  'validation.isString': '{subject} must be a string',
  'validation.isInt': '{subject} must be an integer number',
  'validation.isNumber': '{subject} must be a number conforming to the specified constraints',
  'validation.isBoolean': '{subject} must be a boolean value',
  'validation.isArray': '{subject} must be an array',
  'validation.isObject': '{subject} must be an object',
  'validation.min': '{subject} must not be less than {min}',
  'validation.max': '{subject} must not be greater than {max}',
  'validation.isIn': '{subject} must be one of the following values: {values}',
  'validation.isUUID': '{subject} must be a UUID',
  'validation.isEmail': '{subject} must be an email',
  'validation.isISO8601': '{subject} must be a valid ISO 8601 date string',
  'validation.isISO4217': '{subject} must be a valid ISO4217 currency code',
  'validation.length': '{subject} must be longer than or equal to {min} and shorter than or equal to {max} characters',
  'validation.minLength': '{subject} must be longer than or equal to {min} characters',
  'validation.maxLength': '{subject} must be shorter than or equal to {max} characters',
  'validation.matches': '{subject} must match {pattern} regular expression',
  'validation.isNotEmpty': '{subject} should not be empty',
  'validation.isDefined': '{subject} should not be null or undefined',
  'validation.arrayMinSize': '{subject} must contain at least {min} elements',
  'validation.arrayMaxSize': '{subject} must contain no more than {max} elements',
  'validation.arrayUnique': "All {subject}'s elements must be unique",
  'validation.nested': 'nested property {subject} must be either object or array',
  'validation.objectExpected': 'Validation failed (object is expected)',
  'validation.whitelist': '{subject} is not an allowed field',
  'validation.forbidden': 'property {subject} should not exist',
  'validation.tooDeep': '{subject} is nested more than {depth} levels deep',

  'validation.notBlank': '{subject} must not be blank',
  'validation.notEmpty': '{subject} must not be empty',
  'validation.date': '{subject} must be a date (YYYY-MM-DD)',
  'validation.dateAs': '{subject} must be a date as YYYY-MM-DD',
  'validation.cursor': '{subject} is not a cursor returned by this list',
  'validation.unknownOrgUnit': '{subject} is not an existing org unit',
  'validation.emailInUse': '{subject} is already in use',
  'validation.ownUnit': '{subject} must be your own unit or a unit below it',
  'validation.submit.technologies': 'at least one technology is required to submit',
  'validation.submit.dataCategories': 'data categories are required to submit (use "none" when no data is used)',
  'validation.submit.budget': 'a budget is required to submit',
  'validation.submit.kpis': 'at least one KPI is required to submit',
  'validation.submit.selfScreening': 'the self-screening must be done before submitting',
} as const;
