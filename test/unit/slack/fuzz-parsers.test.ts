import fc from 'fast-check';
import { loadIncidentConfig } from '../../../src/config/load';
import { AppError } from '../../../src/domain/errors';
import { validateTitle } from '../../../src/domain/flows/declare-incident';
import { parseCommandText } from '../../../src/slack/commands/parse';
import { splitSeverity } from '../../../src/slack/commands/severity-arg';
import { declareSubmission } from '../../../src/slack/views/declare-modal';
import { resolveSubmission } from '../../../src/slack/views/resolve-modal';
import { flattenState, validateState } from '../../../src/slack/views/state';

const config = loadIncidentConfig('incident.config.yml');
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('', ' ', '\n', '<!channel>', '*bold*', '```', 'sev9', 'P1', '&lt;'));

describe('command parsing and form validation under random input', () => {
  it('parses any text into a subcommand and arguments without throwing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseCommandText(text);
        expect(typeof parsed.name).toBe('string');
        expect(parsed.name).toBe(parsed.name.toLowerCase());
        expect(parsed.args.every((a) => a.trim() === a && a !== '')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('splits severity and title or answers with a usage error, never anything else', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), (words) => {
        const args = words.join(' ').split(/\s+/).filter(Boolean);
        try {
          const { title } = splitSeverity(config, args, '/incident declare');
          const problem = validateTitle(title);
          expect(problem === null || problem.length > 0).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('usage');
          expect((err as AppError).message).toContain('Valid ones: SEV-1');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('validates any declare or resolve submission into values or per-field errors', () => {
    const stateValue = fc.oneof(
      anyText.map((value) => ({ type: 'plain_text_input', value })),
      anyText.map((value) => ({ type: 'static_select', selected_option: { value } })),
      fc.constant({ type: 'static_select', selected_option: null }),
      anyText.map((selected_user) => ({ type: 'users_select', selected_user })),
      fc.integer().map((selected_date_time) => ({ type: 'datetimepicker', selected_date_time })),
    );
    const blocks = ['title', 'severity', 'description', 'commander', 'visibility', 'summary', 'root_cause', 'impact_ended', 'junk'];
    const state = fc.dictionary(fc.constantFrom(...blocks), stateValue.map((v) => ({ value: v })));
    fc.assert(
      fc.property(state, (values) => {
        for (const schema of [declareSubmission(config), resolveSubmission(new Date())]) {
          const result = validateState(schema as never, flattenState(values as never));
          if (!result.ok) {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
            for (const [block, message] of Object.entries(result.errors)) {
              expect(blocks).toContain(block);
              expect(message.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
