import type { ZodType } from 'zod';

type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_date_time?: number | null;
};

export type FlatState = Record<string, string | string[] | number | null>;

function valueOf(v: StateValue): string | string[] | number | null {
  if ('selected_options' in v) return (v.selected_options ?? []).map((o) => o.value);
  if ('selected_users' in v) return v.selected_users ?? [];
  if ('selected_option' in v) return v.selected_option?.value ?? null;
  if ('selected_user' in v) return v.selected_user ?? null;
  if ('selected_date_time' in v) return v.selected_date_time ?? null;
  if ('selected_date' in v) return v.selected_date ?? null;
  if ('selected_time' in v) return v.selected_time ?? null;
  return v.value ?? null;
}

/** Flattens a view's `state.values` to one value per block id (each input block has one element). */
export function flattenState(values: Record<string, Record<string, StateValue>>): FlatState {
  const flat: FlatState = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const first = Object.values(actions)[0];
    if (first) flat[blockId] = valueOf(first);
  }
  return flat;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Validates flattened input; each problem is reported on the block it belongs to, as Slack shows it. */
export function validateState<T>(schema: ZodType<T>, flat: FlatState): Validated<T> {
  const parsed = schema.safeParse(flat);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const block = String(issue.path[0] ?? '');
    errors[block] ??= issue.message;
  }
  return { ok: false, errors };
}
