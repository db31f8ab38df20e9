import type { IncidentConfig } from '../../config/schema';
import type { Database } from '../../db/db';
import type { PostmortemDraft } from '../postmortem/model';
import type { ArtifactStore, Clock, IncidentChat } from '../ports';

/** What every flow works with: the config, the database and the ports. */
export interface FlowDeps {
  config: IncidentConfig;
  db: Database;
  chat: IncidentChat;
  clock: Clock;
  /** Where command outputs and postmortem drafts are kept. */
  artifacts: ArtifactStore;
  /** Renders a postmortem draft with the operators' template (views/postmortem.md.hbs). */
  renderPostmortem(draft: PostmortemDraft): string;
}
