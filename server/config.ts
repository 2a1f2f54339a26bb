import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorsOrigins, parseHost, parsePublicUrl } from './addressSettings';
import { ConfigError, valueOf } from './configError';
import { DEFAULT_GENERATE_LIMIT } from './throttle/rateLimits';

export { ConfigError };

/** The repository root, so that default folders do not depend on the directory the server is started from. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TOKEN_SIGNING_KEY_MIN_BYTES = 32;

export interface Config {
  port: number;
  host: string;
  /** Origin users reach the server at, without a trailing slash; derived from the bound port when unset. */
  publicUrl: string | undefined;
  /** PGlite's data; unused with `databaseUrl`. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Decoded HMAC key for the tokens the API issues; generated and kept in the database when unset. */
  tokenSigningKey: Uint8Array | undefined;
  staticDir: string;
  /** Whether X-Forwarded-Proto/Host come from a trusted proxy in front of the server. */
  trustProxy: boolean;
  /** Which token API the app is configured for in `/env-config.js`; the server always serves both. */
  tokenBackend: TokenBackend;
  /** Team tokens on `/api/v2`: many per team (HCP Terraform) or one per team (older Terraform Enterprise). */
  tfeTeamTokens: TfeTeamTokens;
  /** How people sign in to the app in the `tfe` flavor: through the OIDC provider, or with a user API token. */
  tfeSignIn: TfeSignIn;
  /** How many tokens one person may generate within 10 minutes, on all surfaces together. */
  generateLimit: number;
  /** Origins of UIs served elsewhere that may call the token API, JSON:API and GraphQL from a browser; empty = none. */
  corsOrigins: string[];
  /** The version `/env-config.js` gives Terrakube's UI to show; unset = this product's own. */
  terrakubeVersion: string | undefined;
}

export const TOKEN_BACKENDS = ['terrakube', 'tfe'] as const;
export type TokenBackend = (typeof TOKEN_BACKENDS)[number];
export const TFE_TEAM_TOKEN_MODES = ['multiple', 'single'] as const;
export type TfeTeamTokens = (typeof TFE_TEAM_TOKEN_MODES)[number];
export const TFE_SIGN_IN_MODES = ['oidc', 'token'] as const;
export type TfeSignIn = (typeof TFE_SIGN_IN_MODES)[number];

type Env = Record<string, string | undefined>;

/** Reads and validates the server's settings from environment variables; throws `ConfigError` on a bad value. */
export function loadConfig(env: Env): Config {
  return {
    port: parsePort(env.PORT),
    host: parseHost(env.HOST),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    dataDir: parseDirectory(env.DATA_DIR, path.join(REPO_ROOT, '.data')),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    tokenSigningKey: parseSigningKey(env.TOKEN_SIGNING_KEY),
    staticDir: parseDirectory(env.STATIC_DIR, path.join(REPO_ROOT, 'dist')),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY),
    tokenBackend: parseChoice('TOKEN_BACKEND', env.TOKEN_BACKEND, TOKEN_BACKENDS),
    tfeTeamTokens: parseChoice('TFE_TEAM_TOKENS', env.TFE_TEAM_TOKENS, TFE_TEAM_TOKEN_MODES),
    tfeSignIn: parseChoice('TFE_SIGN_IN', env.TFE_SIGN_IN, TFE_SIGN_IN_MODES),
    generateLimit: parseGenerateLimit(env.GENERATE_LIMIT),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    terrakubeVersion: parseTerrakubeVersion(env.TERRAKUBE_VERSION),
  };
}

function parsePort(raw: string | undefined): number {
  const value = valueOf(raw);
  if (value === undefined) return 3000;
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new ConfigError('PORT', `PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseGenerateLimit(raw: string | undefined): number {
  const value = valueOf(raw);
  if (value === undefined) return DEFAULT_GENERATE_LIMIT;
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new ConfigError('GENERATE_LIMIT', `GENERATE_LIMIT must be a whole number of tokens from 1 up (default ${DEFAULT_GENERATE_LIMIT}), got "${raw}"`);
  }
  return limit;
}

/** Shown in the UI's footer: printable ASCII only, so no control or invisible characters reach the page. */
function parseTerrakubeVersion(raw: string | undefined): string | undefined {
  const value = valueOf(raw);
  if (value === undefined || /^[\x20-\x7e]{1,40}$/.test(value)) return value;
  throw new ConfigError(
    'TERRAKUBE_VERSION',
    `TERRAKUBE_VERSION must be 1 to 40 printable ASCII characters (letters, digits, spaces, punctuation) such as v2.22.0, got ${JSON.stringify(raw)}`,
  );
}

function parseDirectory(raw: string | undefined, fallback: string): string {
  const value = valueOf(raw);
  return value === undefined ? fallback : path.resolve(value);
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  const value = valueOf(raw);
  if (value === undefined) return undefined;
  if (!/^postgres(ql)?:\/\/\S+$/.test(value)) {
    throw new ConfigError(
      'DATABASE_URL',
      'DATABASE_URL must be a PostgreSQL connection URL such as postgres://user:password@host:5432/database',
    );
  }
  return value;
}

function parseSigningKey(raw: string | undefined): Uint8Array | undefined {
  const value = valueOf(raw);
  if (value === undefined) return undefined;
  const key = /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64url') : undefined;
  if (!key || key.length < TOKEN_SIGNING_KEY_MIN_BYTES) {
    // The value is a secret: never echo it.
    throw new ConfigError(
      'TOKEN_SIGNING_KEY',
      `TOKEN_SIGNING_KEY must be base64url-encoded and decode to at least ${TOKEN_SIGNING_KEY_MIN_BYTES} bytes (256 bits)`,
    );
  }
  return new Uint8Array(key);
}

function parseBoolean(variable: string, raw: string | undefined): boolean {
  const value = valueOf(raw)?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new ConfigError(variable, `${variable} must be true or false, got "${raw}"`);
}

/** One of a fixed set of words, case-insensitive; the first is the default. */
function parseChoice<Choice extends string>(variable: string, raw: string | undefined, choices: readonly [Choice, ...Choice[]]): Choice {
  const value = valueOf(raw)?.toLowerCase();
  if (value === undefined) return choices[0];
  const choice = choices.find((candidate) => candidate === value);
  if (choice) return choice;
  const expected = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw new ConfigError(variable, `${variable} must be ${expected} (default ${choices[0]}), got "${raw}"`);
}

/** Checks before anything is opened that STATIC_DIR holds a built app, so a bad one is reported by its variable. */
export async function checkStaticDir(staticDir: string): Promise<void> {
  const problem = await staticDirProblem(staticDir);
  if (problem) {
    throw new ConfigError(
      'STATIC_DIR',
      `STATIC_DIR must be a directory holding the built app (index.html), but ${problem}. Run npm run build first (npm start does), or set STATIC_DIR to the folder with index.html.`,
    );
  }
}

async function staticDirProblem(staticDir: string): Promise<string | undefined> {
  const isDirectory = await stat(staticDir).then((stats) => stats.isDirectory(), () => undefined);
  if (isDirectory === undefined) return `${staticDir} does not exist`;
  if (!isDirectory) return `${staticDir} is not a directory`;
  const hasIndex = await stat(path.join(staticDir, 'index.html')).then((stats) => stats.isFile(), () => false);
  return hasIndex ? undefined : `${staticDir} has no index.html`;
}
