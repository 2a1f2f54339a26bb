import { isIP } from 'node:net';
import { ConfigError, valueOf } from './configError';
import { browserOrigin } from './http/cors';

/** The settings that name addresses: where the server listens, where people reach it, which UIs may call it. */

/** RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

export function parseHost(raw: string | undefined): string {
  const value = valueOf(raw) ?? '127.0.0.1';
  // An all-numeric last label is a mistyped IPv4 address (256.0.0.1, 10.0.1), not a host name.
  const isHostName = HOST_NAME.test(value) && !/(^|\.)\d+\.?$/.test(value);
  if (isIP(value) === 0 && !isHostName) {
    throw new ConfigError(
      'HOST',
      `HOST must be an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or a host name (such as localhost), without a port or brackets, got "${raw}"`,
    );
  }
  return value;
}

export function parsePublicUrl(raw: string | undefined): string | undefined {
  const value = valueOf(raw);
  if (value === undefined) return undefined;
  const origin = browserOrigin(value);
  if (origin === undefined) {
    throw new ConfigError('PUBLIC_URL', `PUBLIC_URL must be an http(s) origin such as http://localhost:3000 (no path, query or fragment), got "${raw}"`);
  }
  return origin;
}

const CORS_ORIGINS_EXAMPLE = 'https://terrakube-ui.example.com,http://localhost:3001';

/** Comma-separated origins; empty entries (a trailing comma) are skipped, repeated ones kept once. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const origins = entries.map((entry) => {
    const origin = browserOrigin(entry);
    if (origin === undefined) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `CORS_ORIGINS must be a comma-separated list of http(s) origins, scheme://host[:port] with no path, query, fragment, user or *, such as ${CORS_ORIGINS_EXAMPLE}; "${entry}" is not one`,
      );
    }
    return origin;
  });
  return [...new Set(origins)];
}
