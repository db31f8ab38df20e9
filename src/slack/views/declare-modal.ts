import { Bits, Blocks, Elements, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import { findSeverity } from '../../config/load';
import type { IncidentConfig } from '../../config/schema';
import { TITLE_MAX } from '../../domain/flows/declare-incident';
import { truncate } from '../blocks/mrkdwn';

/** Ids of the declare modal, shared by the builder and the submission listener. */
export const DECLARE_MODAL = {
  callbackId: 'declare_incident',
  title: 'title',
  severity: 'severity',
  description: 'description',
  visibility: 'visibility',
  commander: 'commander',
  symptom: 'symptom',
  action: 'value',
} as const;

export const declareMetadata = z.object({ channelId: z.string() });

/** The declare form: title, severity (default from config), description, who commands, private or public. */
export function declareModal(config: IncidentConfig, o: { userId: string; channelId: string; title?: string; severity?: string; symptom?: string }): SlackViewDto {
  const options = config.severities.map((s) => Bits.Option({ text: `${s.id} · ${s.name}`.slice(0, 75), value: s.id }));
  const initial = findSeverity(config, o.severity ?? config.default_severity) ?? config.severities[0];
  const initialOption = options[config.severities.indexOf(initial)];
  return Modal({ title: 'Declare an incident', submit: 'Declare', close: 'Cancel', callbackId: DECLARE_MODAL.callbackId })
    .privateMetaData(JSON.stringify({ channelId: o.channelId }))
    .blocks(
      Blocks.Input({ label: 'Title: what is broken?', blockId: DECLARE_MODAL.title }).element(
        Elements.TextInput({ actionId: DECLARE_MODAL.action, maxLength: TITLE_MAX, placeholder: 'Checkout API returns 5xx', initialValue: o.title }),
      ),
      Blocks.Input({ label: 'Severity', blockId: DECLARE_MODAL.severity })
        .element(Elements.StaticSelect({ actionId: DECLARE_MODAL.action }).options(options).initialOption(initialOption))
        .hint('Not sure? Keep the default: assume worse than average until proven otherwise.'),
      symptomInput(config, o.symptom),
      Blocks.Input({ label: 'What do you see?', blockId: DECLARE_MODAL.description })
        .optional()
        .element(Elements.TextInput({ actionId: DECLARE_MODAL.action, multiline: true, maxLength: 3000 })),
      Blocks.Input({ label: 'Incident commander', blockId: DECLARE_MODAL.commander })
        .element(Elements.UserSelect({ actionId: DECLARE_MODAL.action }).initialUser(o.userId))
        .hint('You, unless you hand it to someone else now.'),
      Blocks.Input({ label: 'Visibility', blockId: DECLARE_MODAL.visibility }).element(
        Elements.RadioButtons({ actionId: DECLARE_MODAL.action })
          .options(
            Bits.Option({ text: 'Public: announced in the incidents channel', value: 'public' }),
            Bits.Option({ text: 'Private: invite-only channel, no details announced', value: 'private' }),
          )
          .initialOption(Bits.Option({ text: 'Public: announced in the incidents channel', value: 'public' })),
      ),
    )
    .buildToObject();
}

/** The declare form's submission, validated; messages land on the field they concern. */
export function declareSubmission(config: IncidentConfig) {
  return z.object({
    [DECLARE_MODAL.title]: z.string({ error: 'Give the incident a title.' }).trim().min(1, 'Give the incident a title.').max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters.`),
    [DECLARE_MODAL.severity]: z.string({ error: 'Pick a severity.' }).refine((s) => findSeverity(config, s) !== undefined, 'Pick one of the listed severities.'),
    [DECLARE_MODAL.description]: z.string().nullable().optional(),
    [DECLARE_MODAL.commander]: z.string({ error: 'Pick who commands the response.' }),
    [DECLARE_MODAL.visibility]: z.enum(['public', 'private'], { error: 'Pick public or private.' }),
    [DECLARE_MODAL.symptom]: z
      .string()
      .nullable()
      .optional()
      .refine((id) => id == null || config.matrix.some((row) => row.id === id), 'Pick one of the listed symptoms, or none.'),
  });
}

/** The optional failure class (from the matrix): picking one records it and posts its runbook in the new channel. */
function symptomInput(config: IncidentConfig, rowId: string | undefined) {
  if (config.matrix.length === 0) return undefined;
  const options = config.matrix.map((row) => Bits.Option({ text: truncate(row.symptom, 75), value: row.id }));
  const initial = options[config.matrix.findIndex((row) => row.id === rowId)];
  return Blocks.Input({ label: 'Symptom (failure class)', blockId: DECLARE_MODAL.symptom })
    .optional()
    .element(Elements.StaticSelect({ actionId: DECLARE_MODAL.action, placeholder: 'Closest symptom, if one fits' }).options(options).initialOption(initial))
    .hint('Its runbook is posted in the incident channel right away. You can also triage later with /incident triage.');
}
