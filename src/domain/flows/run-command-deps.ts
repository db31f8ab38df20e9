import type { CommandCatalog } from '../../commands/catalog';
import type { Redactor } from '../../commands/redact';
import type { SshRunner } from '../ports';
import type { FlowDeps } from './deps';
import type { ProgressGate } from './run-command-progress';

/** What the command flows need beyond every flow's deps (which hold the artifact store): the catalog, the runner, the redactor. */
export interface CommandDeps extends FlowDeps {
  catalog: CommandCatalog;
  runner: SshRunner;
  redact: Redactor;
  progress: ProgressGate;
}
