export { SMS_ERROR_CODES, type SmsErrorCode, type SmsErrorFault } from './error-code';
export { SMS_ERROR_REASONS, type SmsErrorReason } from './error-reason';
export { SmsError, type SmsErrorOptions } from './sms-error';
export { ValidationError, type ValidationErrorOptions } from './validation-error';
export { FinalFailureError, type FinalFailureErrorOptions } from './final-failure-error';
export { NotReadyError, type NotReadyErrorOptions, type NotReadyProvider } from './not-ready-error';
