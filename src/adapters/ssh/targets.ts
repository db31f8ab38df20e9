import type { RegionConfig } from '../../config/sections/regions';

/** One SSH endpoint: where, as whom, with which key, and the host key it must present. */
export interface HostTarget {
  label: string;
  host: string;
  port: number;
  user: string;
  keyEnv: string;
  keyPath: string | undefined;
  hostKeySha256: string;
}

/** A region's host, reached directly or through a jump host. */
export interface RegionTarget extends HostTarget {
  id: string;
  jump?: HostTarget;
}

/** Targets for every configured region, with key paths taken from the environment's SSH_KEY_* variables. */
export function regionTargets(regions: Readonly<Record<string, RegionConfig>>, keyPaths: Readonly<Record<string, string>>): Map<string, RegionTarget> {
  const host = (label: string, h: Omit<RegionConfig, 'name' | 'jump'>): HostTarget => ({
    label,
    host: h.host,
    port: h.port,
    user: h.user,
    keyEnv: h.private_key_env,
    keyPath: keyPaths[h.private_key_env],
    hostKeySha256: h.host_key_sha256,
  });
  return new Map(
    Object.entries(regions).map(([id, r]) => [
      id,
      { id, ...host(id, r), jump: r.jump ? host(`the jump host of ${id}`, r.jump) : undefined },
    ]),
  );
}
