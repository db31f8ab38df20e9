import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { ArtifactStore, StoredArtifact } from '../../domain/ports';

/** Rejects keys that would escape the root (`..`, absolute paths) or are empty. */
export function checkArtifactKey(key: string): string {
  const parts = key.split('/');
  if (key === '' || key.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`invalid artifact key "${key}"`);
  }
  return key;
}

/**
 * Artifacts in a local folder (the default). Links point at the bot's own HTTP route; `linkFor` builds them
 * (it signs the key, so a link cannot be turned into another file's).
 */
export function localArtifactStore(root: string, linkFor: (key: string) => string): ArtifactStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const full = resolve(base, checkArtifactKey(key));
    if (!full.startsWith(base + sep)) throw new Error(`invalid artifact key "${key}"`);
    return full;
  };
  return {
    async put(key, body): Promise<StoredArtifact> {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    get: (key) => readFile(pathOf(key)),
    link: async (key) => linkFor(checkArtifactKey(key)),
  };
}

