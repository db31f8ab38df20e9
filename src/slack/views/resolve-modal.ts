import { Blocks, Elements, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import { incidentKey, type Incident } from '../../domain/incident';

/** Ids of the resolve modal. */
export const RESOLVE_MODAL = {
  callbackId: 'resolve_incident',
  summary: 'summary',
  rootCause: 'root_cause',
  impactEnded: 'impact_ended',
  action: 'value',
} as const;

export const resolveMetadata = z.object({ incidentId: z.number().int().positive() });

/** The resolve form: what fixed it, the root cause if known, when customers stopped being affected. */
export function resolveModal(incident: Incident): SlackViewDto {
  return Modal({ title: `Resolve ${incidentKey(incident)}`.slice(0, 24), submit: 'Resolve', close: 'Cancel', callbackId: RESOLVE_MODAL.callbackId })
    .privateMetaData(JSON.stringify({ incidentId: incident.id }))
    .blocks(
      Blocks.Section({ text: 'Resolving posts a final status update, stops reminders and starts the postmortem draft.' }),
      Blocks.Input({ label: 'Resolution summary', blockId: RESOLVE_MODAL.summary })
        .element(Elements.TextInput({ actionId: RESOLVE_MODAL.action, multiline: true, maxLength: 3000, placeholder: 'What was wrong and what brought it back' })),
      Blocks.Input({ label: 'Root cause, if known', blockId: RESOLVE_MODAL.rootCause })
        .optional()
        .element(Elements.TextInput({ actionId: RESOLVE_MODAL.action, multiline: true, maxLength: 3000 })),
      Blocks.Input({ label: 'Customer impact ended at', blockId: RESOLVE_MODAL.impactEnded })
        .optional()
        .element(Elements.DateTimePicker({ actionId: RESOLVE_MODAL.action }))
        .hint('Leave empty if customers were not affected or it ended now.'),
    )
    .buildToObject();
}

/** The resolve form's submission, validated. `now` bounds the impact end time. */
export function resolveSubmission(now: Date) {
  return z.object({
    [RESOLVE_MODAL.summary]: z.string({ error: 'Say what resolved it, in a sentence or two.' }).trim().min(1, 'Say what resolved it, in a sentence or two.'),
    [RESOLVE_MODAL.rootCause]: z.string().trim().nullable().optional(),
    [RESOLVE_MODAL.impactEnded]: z
      .number()
      .nullable()
      .optional()
      .refine((s) => s == null || s * 1000 <= now.getTime() + 60_000, 'Impact cannot have ended in the future; leave it empty if it is ending now.'),
  });
}
