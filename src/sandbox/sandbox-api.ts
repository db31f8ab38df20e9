import { z } from 'zod';
import type { BotResponse, SlackEmulator } from './emulator';
import { escapeTyped, viewStateValues } from './sandbox-form';

const id = z.string().min(1).max(64);
const user = id;
const commandBody = z.object({ user, channel: id, text: z.string().trim().min(2).max(4000) });
const messageBody = z.object({ user, channel: id, text: z.string().trim().min(1).max(40_000), threadTs: id.optional() });
const choice = { value: z.string().max(3000).nullable().optional(), values: z.array(z.string().max(3000)).optional() };
const actionBody = z.union([
  z.object({ user, viewId: id, actionId: id, blockId: z.string().max(255).optional(), ...choice }),
  z.object({ user, channel: id, messageTs: id, actionId: id, blockId: z.string().max(255).optional(), ...choice }),
]);
const submitBody = z.object({ user, viewId: id, fields: z.record(z.string(), z.record(z.string(), z.object(choice))) });
const closeBody = z.object({ user, viewId: id });

/** An answer to the page: HTTP status and JSON body. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** An error the page shows as is (bad input, a command that does not exist). */
export class SandboxInputError extends Error {}

/** The page's JSON endpoints: each turns what a person did into the signed request Slack would send the bot. */
export class SandboxApi {
  private readonly routes: Record<string, (body: unknown) => Promise<ApiAnswer>> = {
    command: (b) => this.command(commandBody.parse(b)),
    message: (b) => this.message(messageBody.parse(b)),
    action: (b) => this.action(actionBody.parse(b)),
    'view-submit': (b) => this.submit(submitBody.parse(b)),
    'view-close': (b) => this.close(closeBody.parse(b)),
  };

  constructor(
    private readonly emulator: SlackEmulator,
    private readonly commands: string[],
  ) {}

  /** Whether `name` is one of the endpoints. */
  has(name: string): boolean {
    return Object.hasOwn(this.routes, name);
  }

  /** Runs one endpoint; input and emulator errors become a 400 with a sentence the page shows. */
  async handle(name: string, body: unknown): Promise<ApiAnswer> {
    try {
      return await this.routes[name](body);
    } catch (error) {
      if (error instanceof z.ZodError) return fail(`Invalid request: ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      if (error instanceof Error) return fail(error.message);
      throw error;
    } finally {
      this.emulator.workspace.notifyChange(`sandbox:${name}`);
    }
  }

  private async command(o: z.infer<typeof commandBody>): Promise<ApiAnswer> {
    const [, command, text] = /^(\/\S+)\s*([\s\S]*)$/.exec(o.text) ?? [];
    if (!command || !this.commands.includes(command)) {
      throw new SandboxInputError(`${command ?? o.text} is not a command in this workspace. Try ${this.commands[0]} help.`);
    }
    const ws = this.emulator.workspace;
    return answer(await this.emulator.slashCommand({ user: o.user, channel: o.channel, command, text: escapeTyped(ws, text, 'command') }));
  }

  private async message(o: z.infer<typeof messageBody>): Promise<ApiAnswer> {
    const text = escapeTyped(this.emulator.workspace, o.text, 'message');
    const posted = await this.emulator.postMessage({ user: o.user, channel: o.channel, text, threadTs: o.threadTs });
    const shown = answer(posted.response);
    return { ...shown, body: { ...shown.body, ts: posted.ts } };
  }

  private async action(o: z.infer<typeof actionBody>): Promise<ApiAnswer> {
    const { value, values, ...rest } = o;
    return answer(await this.emulator.clickButton({ ...rest, value: value ?? undefined, values }));
  }

  private async submit(o: z.infer<typeof submitBody>): Promise<ApiAnswer> {
    const ws = this.emulator.workspace;
    const view = ws.views.get(o.viewId);
    if (!view) throw new SandboxInputError('This form is no longer open.');
    const response = await this.emulator.submitView({ user: o.user, viewId: o.viewId, values: viewStateValues(view, o.fields) });
    const shown = answer(response);
    return { ...shown, body: { ...shown.body, errors: ws.viewErrors(o.viewId) ?? null } };
  }

  private async close(o: z.infer<typeof closeBody>): Promise<ApiAnswer> {
    return answer(await this.emulator.closeView(o));
  }
}

function answer(response: BotResponse): ApiAnswer {
  return { status: 200, body: { ok: true, problems: response.problems ?? [] } };
}

function fail(error: string): ApiAnswer {
  return { status: 400, body: { ok: false, error } };
}
