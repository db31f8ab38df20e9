import { z } from 'zod';

/** Region ids as typed in `/incident run <command> <region>`; `all` is taken by `/incident evidence all`. */
export const REGION_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** The environment variables that may hold a private key's path: SSH_KEY_PATH, SSH_KEY_EU, … */
export const SSH_KEY_ENV = /^SSH_KEY(_[A-Z0-9_]+)?$/;

const hostName = z
  .string({ error: 'expected a host name or IP address' })
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?$/, { error: 'expected a host name or IP address, such as eu1.example.com or 10.0.0.5' });

const portMessage = 'expected a port number from 1 to 65535';
const port = z.number({ error: portMessage }).min(1, { error: portMessage }).max(65535, { error: portMessage }).refine(Number.isInteger, { error: portMessage });

const user = z.string({ error: 'expected the login name on the host, such as deploy' }).regex(/^[a-z_][a-z0-9_.-]{0,31}$/, {
  error: 'expected a login name such as deploy (lowercase letters, digits, "_", "-", ".")',
});

const keyEnv = z.string({ error: 'expected the name of an environment variable' }).regex(SSH_KEY_ENV, {
  error: 'name an environment variable starting with SSH_KEY, such as SSH_KEY_EU; it holds the path of the private key file',
});

/** Accepts what `ssh-keygen -lf` prints ("SHA256:…" with or without the prefix) and keeps the bare base64. */
export function normalizeFingerprint(text: string): string {
  return text.trim().replace(/^SHA256:/i, '').replace(/=+$/, '');
}

const fingerprint = z
  .string({ error: 'expected the host key fingerprint, such as SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' })
  .transform(normalizeFingerprint)
  .pipe(
    z.string().regex(/^[A-Za-z0-9+/]{43}$/, {
      error: 'expected a SHA-256 fingerprint as `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` prints it: SHA256: followed by 43 characters',
    }),
  );

const hostFields = {
  host: hostName,
  port: port.default(22),
  user,
  private_key_env: keyEnv.default('SSH_KEY_PATH'),
  host_key_sha256: fingerprint,
};

const region = z.strictObject({
  /** How people call the region, e.g. "EU (Falkenstein)"; the id when left out. */
  name: z.string({ error: 'expected text' }).trim().min(1).max(60).optional(),
  ...hostFields,
  jump: z.strictObject(hostFields).optional(),
});

/** The `regions:` section: where approved commands run, keyed by region id. */
export const regionsSection = z
  .record(
    z.string().regex(REGION_ID, { error: 'region ids are lowercase letters, digits and "-", such as eu or us-east' }).refine((id) => id !== 'all', {
      error: '"all" is reserved: `/incident evidence all` means every region',
    }),
    region,
  )
  .default({});

export type RegionConfig = z.output<typeof region>;
export type HostConfig = Omit<RegionConfig, 'name' | 'jump'>;
