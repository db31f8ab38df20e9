import type { WebClient } from '@slack/web-api';
import { Bits, Blocks, Elements, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import type { IncidentConfig } from '../../config/schema';
import { AppError } from '../../domain/errors';
import { ACTIONS_MAX, IMPACT_MAX, isResolvedStatus, NEXT_UPDATE_MAX_MINUTES, normalizeActions, RESOLVE_INSTEAD } from '../../domain/flows/post-status-update';
import { incidentKey, isOpen, type Incident, type StatusUpdate } from '../../domain/incident';
import { latestStatusUpdate } from '../../store/status-updates';
import { escapeMrkdwn, truncate } from '../blocks/mrkdwn';
import type { BotDeps } from '../deps';

/** Ids of the status modal, shared by the builder and the submission listener. */
export const STATUS_MODAL = {
  callbackId: 'status_update',
  status: 'status',
  impact: 'impact',
  actions: 'current_actions',
  nextUpdate: 'next_update',
  audience: 'audience',
  action: 'value',
} as const;

export const statusMetadata = z.object({
  incidentId: z.number().int(),
  channelId: z.string(),
  severity: z.string(),
  cadence: z.number().int().nullable(),
});
export type StatusMetadata = z.infer<typeof statusMetadata>;

/** What the form starts with. */
export type StatusPrefill = Pick<StatusUpdate, 'status' | 'impact' | 'currentActions' | 'nextUpdateMinutes' | 'audience'>;

const AUDIENCE_OPTIONS = {
  internal: 'Internal: the incident channel and the incidents channel',
  customer: 'Customer: plain words for customers, shown to you for review first',
} as const;

/** The severity's update cadence in whole minutes, or null when it has none. */
export function cadenceOf(config: IncidentConfig, incident: Pick<Incident, 'severity'>): number | null {
  const every = config.severities.find((s) => s.id === incident.severity)?.update_every_minutes ?? null;
  return every === null ? null : Math.min(NEXT_UPDATE_MAX_MINUTES, Math.max(1, Math.round(every)));
}

/** The form's first values: the last update's, at the incident's status, never later than the severity's cadence. */
export function statusPrefill(config: IncidentConfig, incident: Incident, last: StatusUpdate | undefined): StatusPrefill {
  const usable = (s: string | undefined): s is string => s !== undefined && !isResolvedStatus(s) && config.statuses.some((c) => c.name === s);
  const cadence = cadenceOf(config, incident);
  const next = last?.nextUpdateMinutes ?? cadence;
  return {
    status: [incident.status, last?.status].find(usable) ?? config.statuses[0].name,
    impact: last?.impact ?? '',
    currentActions: last?.currentActions ?? '',
    nextUpdateMinutes: cadence !== null && next !== null ? Math.min(next, cadence) : next,
    audience: last?.audience ?? 'internal',
  };
}

function nextUpdateHint(incident: Incident, cadence: number | null): string {
  return cadence === null
    ? `${incident.severity} has no update cadence: leave this empty when no further update is planned.`
    : `${incident.severity} expects an update at least every ${cadence} minutes; the bot reminds you when it is due.`;
}

/** The status form: status, impact, current actions, next update in minutes, audience. */
export function statusModal(config: IncidentConfig, incident: Incident, prefill: StatusPrefill): SlackViewDto {
  const cadence = cadenceOf(config, incident);
  const statuses = config.statuses.map((s) => Bits.Option({ text: s.name, value: s.name, description: truncate(s.meaning, 75) }));
  const audiences = Object.entries(AUDIENCE_OPTIONS).map(([value, text]) => Bits.Option({ text, value }));
  const metadata: StatusMetadata = { incidentId: incident.id, channelId: incident.channelId ?? '', severity: incident.severity, cadence };
  const next = Blocks.Input({ label: 'Next update in (minutes)', blockId: STATUS_MODAL.nextUpdate })
    .element(Elements.NumberInput({ actionId: STATUS_MODAL.action, isDecimalAllowed: false, minValue: 1, maxValue: NEXT_UPDATE_MAX_MINUTES, initialValue: prefill.nextUpdateMinutes ?? undefined }))
    .hint(nextUpdateHint(incident, cadence));
  return Modal({ title: 'Status update', submit: 'Post update', close: 'Cancel', callbackId: STATUS_MODAL.callbackId })
    .privateMetaData(JSON.stringify(metadata))
    .blocks(
      Blocks.Section({ text: `*${incidentKey(incident)} · ${incident.severity}:* ${escapeMrkdwn(incident.title)}\nCurrently *${escapeMrkdwn(incident.status)}*.` }),
      Blocks.Input({ label: 'Status', blockId: STATUS_MODAL.status })
        .element(Elements.StaticSelect({ actionId: STATUS_MODAL.action }).options(statuses).initialOption(statuses.find((_, i) => config.statuses[i].name === prefill.status)))
        .hint('To close the incident use /incident resolve instead.'),
      Blocks.Input({ label: 'Impact', blockId: STATUS_MODAL.impact })
        .element(Elements.TextInput({ actionId: STATUS_MODAL.action, multiline: true, maxLength: IMPACT_MAX, initialValue: prefill.impact || undefined, placeholder: 'Who is affected, and how?' })),
      Blocks.Input({ label: 'Current actions', blockId: STATUS_MODAL.actions })
        .element(Elements.TextInput({ actionId: STATUS_MODAL.action, multiline: true, maxLength: ACTIONS_MAX, initialValue: prefill.currentActions || undefined }))
        .hint('One action per line.'),
      cadence === null ? next.optional() : next,
      Blocks.Input({ label: 'Audience', blockId: STATUS_MODAL.audience }).element(
        Elements.RadioButtons({ actionId: STATUS_MODAL.action })
          .options(audiences)
          .initialOption(audiences.find((_, i) => Object.keys(AUDIENCE_OPTIONS)[i] === prefill.audience)),
      ),
    )
    .buildToObject();
}

/** Opens the status form for an open incident, prefilled from its last update (the command, the header button, reminders). */
export async function openStatusModal(client: WebClient, triggerId: string, deps: Pick<BotDeps, 'config' | 'db'>, incident: Incident): Promise<void> {
  if (!isOpen(incident)) {
    throw new AppError('conflict', `${incidentKey(incident)} is resolved, so no more updates are posted. If it is not over, reopen it with \`/incident reopen\` first.`);
  }
  const last = await latestStatusUpdate(deps.db, incident.id);
  await client.views.open({ trigger_id: triggerId, view: statusModal(deps.config, incident, statusPrefill(deps.config, incident, last)) });
}

const ONE_LINE_PER_ACTION = 'List what is being done right now, one action per line.';

function nextUpdateField(meta: StatusMetadata) {
  const range = `a whole number of minutes from 1 to ${NEXT_UPDATE_MAX_MINUTES}`;
  return z.union([z.string(), z.number(), z.null()]).optional().transform((value, ctx) => {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text === '' && meta.cadence === null) return null;
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: `${meta.severity} expects an update every ${meta.cadence} minutes: say when the next one comes, as ${range}.` });
      return z.NEVER;
    }
    const minutes = Number(text);
    if (!/^\d+$/.test(text) || minutes < 1 || minutes > NEXT_UPDATE_MAX_MINUTES) {
      ctx.addIssue({ code: 'custom', message: `Give the next update as ${range} (${NEXT_UPDATE_MAX_MINUTES} is a day).` });
      return z.NEVER;
    }
    return minutes;
  });
}

/** The status form's submission, validated; each message lands on the field it concerns. */
export function statusSubmission(config: IncidentConfig, meta: StatusMetadata) {
  return z.object({
    [STATUS_MODAL.status]: z
      .string({ error: 'Pick a status.' })
      .refine((s) => config.statuses.some((c) => c.name === s), 'Pick one of the listed statuses.')
      .refine((s) => !isResolvedStatus(s), RESOLVE_INSTEAD),
    [STATUS_MODAL.impact]: z
      .string({ error: 'Describe the impact: who is affected, and how.' })
      .trim()
      .min(1, 'Describe the impact: who is affected, and how.')
      .max(IMPACT_MAX, `Keep the impact to ${IMPACT_MAX} characters; put details in the channel.`),
    [STATUS_MODAL.actions]: z
      .string({ error: ONE_LINE_PER_ACTION })
      .transform(normalizeActions)
      .pipe(z.string().min(1, ONE_LINE_PER_ACTION).max(ACTIONS_MAX, `Keep the current actions to ${ACTIONS_MAX} characters.`)),
    [STATUS_MODAL.nextUpdate]: nextUpdateField(meta),
    [STATUS_MODAL.audience]: z.enum(['internal', 'customer'], { error: 'Pick who this update is for.' }),
  });
}
