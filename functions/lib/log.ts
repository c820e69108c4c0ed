import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs. Never log bodies, tokens, phone numbers or who voted. */
export const logger = new Logger({
  serviceName: 'staff-home',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | undefined) ?? 'INFO',
});
