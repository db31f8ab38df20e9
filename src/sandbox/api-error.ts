/** A Web API failure: becomes `{ ok: false, error, response_metadata? }` in the HTTP answer. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly messages: string[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'SlackApiError';
  }

  /** The JSON body Slack would answer with. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error: this.code, ...this.extra };
    if (this.messages.length > 0) body.response_metadata = { messages: this.messages };
    return body;
  }
}

/** Throws invalid_arguments naming a missing required field, as Slack words it. */
export function missingArgument(name: string): never {
  throw new SlackApiError('invalid_arguments', [`[ERROR] missing required field: ${name}`]);
}
