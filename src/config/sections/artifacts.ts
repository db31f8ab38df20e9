import { z } from 'zod';

const whole = (min: number, max: number, what: string) => {
  const message = `expected a whole number of ${what} from ${min} to ${max}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).refine(Number.isInteger, { error: message });
};

/** What the `artifacts:` section holds when it is left out: a folder under DATA_DIR. */
export const ARTIFACT_DEFAULTS = { kind: 'local' as const, force_path_style: false, prefix: '', link_expiry_hours: 168, max_output_mb: 64, timeout_seconds: 30 };

/** The `artifacts:` section: where full command outputs and postmortems are kept, and how long links work. */
export const artifactsSection = z
  .strictObject({
    kind: z.enum(['local', 's3']).default('local'),
    /** local: the folder; DATA_DIR/artifacts when left out. */
    local_dir: z.string({ error: 'expected a folder path' }).trim().min(1).optional(),
    /** s3: the endpoint of an S3-compatible service; AWS itself when left out. */
    endpoint: z.url({ error: 'expected a URL such as https://s3.eu-central-1.amazonaws.com or http://minio:9000' }).optional(),
    region: z.string({ error: 'expected a region name such as eu-central-1' }).trim().min(1).optional(),
    bucket: z.string({ error: 'expected a bucket name' }).regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected an S3 bucket name (3-63 lowercase letters, digits, "." or "-")' }).optional(),
    force_path_style: z.boolean({ error: 'expected true or false' }).default(false),
    prefix: z.string({ error: 'expected text' }).regex(/^([A-Za-z0-9._-]+\/)*$/, { error: 'expected a key prefix ending in "/", such as bot/, or nothing' }).default(''),
    link_expiry_hours: whole(1, 168, 'hours').default(ARTIFACT_DEFAULTS.link_expiry_hours),
    max_output_mb: whole(1, 1024, 'megabytes').default(ARTIFACT_DEFAULTS.max_output_mb),
    /** s3: how long one request to the bucket may take before it counts as failed (the SDK then tries again). */
    timeout_seconds: whole(1, 600, 'seconds').default(ARTIFACT_DEFAULTS.timeout_seconds),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 's3' && !a.bucket) ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'is required when kind is s3' });
  })
  .default(ARTIFACT_DEFAULTS);

export type ArtifactsConfig = z.output<typeof artifactsSection>;
