import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { incidentKey, type Incident } from '../../domain/incident';
import type { Runbook } from '../../runbooks/types';
import { ACTIONS } from '../ids';
import { escapeMrkdwn, truncate } from './mrkdwn';

/** At most this many runbooks get a section each, keeping the reply under Slack's 50 blocks. */
export const RUNBOOK_LIST_MAX = 45;

/** What the "Post here" button carries. */
export interface PostButtonValue {
  i: number;
  r: string;
}

/** One runbook as listed: title, id, usual severity and when to use it. */
export function runbookListEntry(runbook: Runbook): string {
  const hint = runbook.severityHint ? ` · usually ${escapeMrkdwn(runbook.severityHint)}` : '';
  const when = truncate(runbook.symptoms.join('; '), 600);
  return `*${escapeMrkdwn(runbook.title)}*\n${Md.codeInline(runbook.id)}${hint} · ${runbook.steps.length} steps\n_When:_ ${escapeMrkdwn(when)}`;
}

/** The answer to `/incident runbook`: every runbook; in an incident channel each has a button to post it there. */
export function runbookListMessage(runbooks: readonly Runbook[], incident?: Incident): SlackMessageDto {
  if (runbooks.length === 0) {
    const text = 'No runbooks yet: add Markdown files to the runbooks/ folder beside incident.config.yml (see README, "Runbooks").';
    return Message({ text }).blocks(Blocks.Section({ text })).buildToObject();
  }
  const lead = incident
    ? `*${runbooks.length} runbooks.* Post one in ${incidentKey(incident)} with its button, or \`/incident runbook <id>\`.`
    : `*${runbooks.length} runbooks.* In an incident channel, \`/incident runbook <id>\` posts one there with its steps.`;
  const shown = runbooks.slice(0, RUNBOOK_LIST_MAX);
  const rest = runbooks.slice(RUNBOOK_LIST_MAX).map((r) => Md.codeInline(r.id));
  return Message({ text: `${runbooks.length} runbooks` })
    .blocks(
      Blocks.Section({ text: lead }),
      ...shown.map((runbook) => {
        const section = Blocks.Section({ text: runbookListEntry(runbook), blockId: `runbook-${runbook.id}` });
        if (!incident) return section;
        const value: PostButtonValue = { i: incident.id, r: runbook.id };
        return section.accessory(Elements.Button({ text: 'Post here', actionId: ACTIONS.runbookPost, value: JSON.stringify(value) }));
      }),
      rest.length ? Blocks.Context().elements(truncate(`Also: ${rest.join(', ')}`, 2000)) : undefined,
    )
    .buildToObject();
}

/** The answer to an id that does not exist: the closest ones, and how to see them all. */
export function unknownRunbookText(typed: string, closest: readonly string[]): string {
  const shown = escapeMrkdwn(truncate(typed, 60));
  const guesses = closest.length ? ` Closest: ${closest.map((id) => Md.codeInline(id)).join(', ')}.` : '';
  return `No runbook \`${shown}\`.${guesses} \`/incident runbook\` lists them all.`;
}
