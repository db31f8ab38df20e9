/** Every `/incident` subcommand with its usage, in the order help lists them. */
export interface SubcommandUsage {
  name: string;
  usage: string;
  summary: string;
}

export const SUBCOMMANDS: readonly SubcommandUsage[] = [
  { name: 'declare', usage: '/incident declare [sev1|sev2|sev3] [title…]', summary: 'Declare an incident: opens a form when the title is missing.' },
  { name: 'sev', usage: '/incident sev <level> [reason…]', summary: 'Promote or demote the severity of this incident.' },
  { name: 'role', usage: '/incident role <commander|comms|scribe> @user', summary: 'Hand a role to someone; they get a short brief.' },
  { name: 'status', usage: '/incident status', summary: 'Post a status update from the status form.' },
  { name: 'note', usage: '/incident note <text…>', summary: 'Add a note to the timeline (start with "action:" for an action item).' },
  { name: 'timeline', usage: '/incident timeline', summary: 'Show the latest timeline entries.' },
  { name: 'list', usage: '/incident list', summary: 'List open incidents, anywhere.' },
  { name: 'triage', usage: '/incident triage', summary: 'Pick the failure class: symptom, likely cause, runbook.' },
  { name: 'runbook', usage: '/incident runbook [id]', summary: 'List runbooks, or post one into this incident.' },
  { name: 'run', usage: '/incident run <command> <region> [key=value…]', summary: 'Run an approved command on a region host.' },
  { name: 'evidence', usage: '/incident evidence <region|all>', summary: 'Capture the evidence pack before anyone mitigates.' },
  { name: 'resolve', usage: '/incident resolve', summary: 'Resolve the incident: final update, then the postmortem draft.' },
  { name: 'reopen', usage: '/incident reopen', summary: 'Reopen an incident that was resolved too early.' },
  { name: 'postmortem', usage: '/incident postmortem', summary: 'Regenerate the postmortem draft as a new version.' },
  { name: 'help', usage: '/incident help', summary: 'Show this help.' },
];

/** Looks up a subcommand's usage line by name. */
export function usageOf(name: string): string {
  return SUBCOMMANDS.find((s) => s.name === name)?.usage ?? '/incident help';
}
