/** One step of a runbook: a `## ` heading and the Markdown under it. */
export interface RunbookStep {
  /** 1-based, in the order of the file. */
  number: number;
  title: string;
  /** The step's Markdown, `[run: id]` markers included. */
  body: string;
  /** Approved command ids the step names with `[run: id]`, in order, each once. */
  commands: string[];
  line: number;
}

/** A runbook from `runbooks/*.md`: front matter plus numbered steps. */
export interface Runbook {
  id: string;
  title: string;
  symptoms: string[];
  severityHint: string | null;
  /** Command ids the front matter says the runbook uses. */
  commands: string[];
  /** Markdown before the first step. */
  intro: string;
  steps: RunbookStep[];
  file: string;
}

/** Something wrong in a runbook or in the matrix, reported as `file:line path: message`. */
export interface LibraryProblem {
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** `file:line path: message`, the same shape as config problems. */
export function formatLibraryProblem(p: LibraryProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Whether a step of a runbook posted in an incident is done, and who said so when. */
export interface StepState {
  step: number;
  done: boolean;
  by: string;
  at: Date;
}
