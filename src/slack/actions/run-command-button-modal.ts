import type { App } from '@slack/bolt';
import { Bits, Blocks, Elements, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import type { CommandSpec } from '../../commands/catalog';
import { checkParams, describeParam } from '../../commands/params';
import { regionsFor, requestCommand } from '../../domain/flows/request-command';
import { escapeMrkdwn, truncate } from '../blocks/mrkdwn';
import { startRun } from '../commands/run';
import { commandDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { flattenState, type FlatState } from '../views/state';

/** Ids of the form a runbook's Run button opens. */
export const RUN_MODAL = {
  callbackId: 'command_run',
  region: 'region',
  paramPrefix: 'param_',
  action: 'value',
} as const;

export const runMetadata = z.object({ incidentId: z.number().int().positive(), commandId: z.string(), channelId: z.string() });

/** The Run form: which region, and each parameter prefilled with its default. */
export function runModal(spec: CommandSpec, regions: string[], meta: z.infer<typeof runMetadata>): SlackViewDto {
  const approval = spec.approval === 'second-person' ? '\nA second person must approve it before it runs.' : '\nIt starts as soon as you submit.';
  const options = regions.map((r) => Bits.Option({ text: r, value: r }));
  const params = Object.entries(spec.params).map(([name, p]) => {
    const input = Blocks.Input({ label: name, blockId: `${RUN_MODAL.paramPrefix}${name}` })
      .element(Elements.TextInput({ actionId: RUN_MODAL.action, maxLength: 500, initialValue: p.default === undefined ? undefined : String(p.default) }))
      .hint(truncate(`${describeParam(name, p)}${p.description ? ` ${p.description}` : ''}`, 150));
    return p.optional ? input.optional() : input;
  });
  return Modal({ title: 'Run a command', submit: spec.approval === 'second-person' ? 'Ask for approval' : 'Run', close: 'Cancel', callbackId: RUN_MODAL.callbackId })
    .privateMetaData(JSON.stringify(meta))
    .blocks(
      Blocks.Section({ text: truncate(`*${escapeMrkdwn(spec.title)}* (\`${spec.id}\`, ${spec.class})\n${escapeMrkdwn(spec.description)}${approval}`, 3000) }),
      Blocks.Input({ label: 'Region', blockId: RUN_MODAL.region })
        .element(Elements.StaticSelect({ actionId: RUN_MODAL.action }).options(options).initialOption(regions.length === 1 ? options[0] : undefined)),
      ...params,
    )
    .buildToObject();
}

/** Checks the form: a region and parameters that pass; each problem lands on its field. */
export function checkRunForm(deps: Pick<BotDeps, 'config'>, spec: CommandSpec, flat: FlatState): { ok: true; region: string; params: Record<string, string> } | { ok: false; errors: Record<string, string> } {
  const region = typeof flat[RUN_MODAL.region] === 'string' ? (flat[RUN_MODAL.region] as string) : '';
  const params: Record<string, string> = {};
  for (const name of Object.keys(spec.params)) {
    const value = flat[`${RUN_MODAL.paramPrefix}${name}`];
    if (typeof value === 'string' && value !== '') params[name] = value;
  }
  const errors: Record<string, string> = {};
  if (!regionsFor(deps.config, spec).includes(region)) errors[RUN_MODAL.region] = 'Pick one of the listed regions.';
  const checked = checkParams(spec, params);
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const name = Object.keys(spec.params).find((n) => problem.startsWith(`${n} `)) ?? Object.keys(spec.params)[0];
      errors[`${RUN_MODAL.paramPrefix}${name}`] ??= problem;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, region, params };
}

/** The Run form's submission: request the command as if typed with `/incident run`. */
export function registerRunSubmission(app: App, deps: BotDeps): void {
  app.view(RUN_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const meta = runMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    const spec = deps.catalog.get(meta.commandId);
    const form = spec ? checkRunForm(deps, spec, flattenState(view.state.values as never)) : { ok: false as const, errors: { [RUN_MODAL.region]: `${meta.commandId} is no longer in the catalog.` } };
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    await ack();
    try {
      const { run, created } = await requestCommand(commandDeps(deps, client), {
        incidentId: meta.incidentId, commandId: meta.commandId, region: form.region, params: form.params, requestedBy: body.user.id, requestKey: `modal:${view.id}`,
      });
      if (created && run.state === 'running') startRun(deps, client, run);
    } catch (err) {
      await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, text: replyForError(err, deps).text }).catch(() => undefined);
    }
  });
}
