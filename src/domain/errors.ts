/** Codes for failures a user can act on; the Slack edge turns each into a clear reply. */
export type AppErrorCode =
  | 'usage'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'not_in_incident_channel'
  | 'unavailable'
  | 'not_yet';

/** A failure with a code and a message written for the person who triggered it. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
