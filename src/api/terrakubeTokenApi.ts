import { ApiError, isApiError } from './ApiError';
import type { HttpClient } from './httpClient';
import { TEAM_PERMISSIONS } from './tokenApi';
import { expiryOf } from '../../contracts/tokenDuration';
import type {
  CreatedToken,
  Organization,
  PersonalToken,
  Team,
  TeamToken,
  TokenApi,
  TokenDuration,
} from './tokenApi';

/**
 * The token API of a Terrakube server (DESIGN §3): `/pat/v1` and `/access-token/v1/teams` at the API origin,
 * organizations and teams from the JSON:API under the API URL. Success codes are 201/202, deletes answer an
 * empty body, and a generate for a team the caller is not in answers `{"token": ""}`.
 */
export interface TerrakubeTokenApiOptions {
  http: HttpClient;
  /** The JSON:API base, ending in `/`, e.g. `https://api.example.com/api/v1/`. */
  apiUrl: string;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const wholeNumber = (value: unknown): number => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? Math.trunc(number) : 0;
};

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function expiresAtOf(createdAt: string | null, duration: TokenDuration): string | null {
  return createdAt === null ? null : (expiryOf(new Date(createdAt), duration)?.toISOString() ?? null);
}

/**
 * The status of an error about a success answer this client cannot use (a body of the wrong shape, an empty
 * token): the request itself succeeded, so it is a 2xx. Asking again gets the same answer, and the query retry
 * policy only retries 0 and 5xx.
 */
const UNUSABLE_ANSWER_STATUS = 200;

function unexpectedAnswer(what: string): ApiError {
  return new ApiError(UNUSABLE_ANSWER_STATUS, `The server sent an unexpected answer for ${what}.`);
}

/**
 * Terrakube's two ways of refusing a team token to a non-member (201 with an empty token, or a 403 with an empty
 * or Spring default body) and the embedded server's 403 with its own words all end as this one error.
 */
function notAMemberOf(group: string, cause?: unknown): ApiError {
  return new ApiError(403, `You are not a member of ${group}.`, { cause });
}

function listOf(body: unknown, what: string): Json[] {
  if (body === undefined) return [];
  if (!Array.isArray(body)) throw unexpectedAnswer(what);
  return body.filter(isRecord);
}

export function mapPat(pat: Json): PersonalToken {
  const createdAt = isoDate(pat.createdDate);
  const duration = { days: wholeNumber(pat.days), hours: 0, minutes: 0 };
  return {
    id: text(pat.id),
    description: text(pat.description),
    createdAt,
    createdBy: text(pat.createdBy),
    duration,
    expiresAt: expiresAtOf(createdAt, duration),
  };
}

export function mapTeamToken(token: Json): TeamToken {
  const createdAt = isoDate(token.createdDate);
  const duration = {
    days: wholeNumber(token.days),
    hours: wholeNumber(token.hours),
    minutes: wholeNumber(token.minutes),
  };
  return {
    id: text(token.id),
    group: text(token.group),
    description: text(token.description),
    createdAt,
    createdBy: text(token.createdBy),
    duration,
    expiresAt: expiresAtOf(createdAt, duration),
  };
}

function jsonApiData(body: unknown, what: string): unknown {
  if (!isRecord(body) || !('data' in body)) throw unexpectedAnswer(what);
  return body.data;
}

function jsonApiList(body: unknown, what: string): Json[] {
  const data = jsonApiData(body, what);
  if (!Array.isArray(data)) throw unexpectedAnswer(what);
  return data.filter(isRecord);
}

const attributesOf = (resource: Json): Json => (isRecord(resource.attributes) ? resource.attributes : {});

function mapOrganization(resource: Json): Organization {
  const attributes = attributesOf(resource);
  return { id: text(resource.id), name: text(attributes.name), description: text(attributes.description) };
}

function mapTeam(resource: Json, organizationId: string): Team {
  const attributes = attributesOf(resource);
  const permissions = Object.fromEntries(TEAM_PERMISSIONS.map((name) => [name, attributes[name] === true]));
  return {
    id: text(resource.id),
    organizationId,
    name: text(attributes.name),
    permissions: permissions as Team['permissions'],
  };
}

/** The secret of a generate answer; `whenEmpty` is the error for an answer without one. */
function createdToken(body: unknown, what: string, whenEmpty: () => ApiError): CreatedToken {
  if (!isRecord(body) || typeof body.token !== 'string') throw unexpectedAnswer(what);
  if (body.token.trim() === '') throw whenEmpty();
  return { token: body.token };
}

// A success without a token: nothing to show, and a token may have been made all the same.
const noPersonalToken = () =>
  new ApiError(
    UNUSABLE_ANSWER_STATUS,
    'The server answered without the new token, so it cannot be shown. If it appears in your list, delete it, then generate another.',
  );

const segment = (id: string) => encodeURIComponent(id);

export function createTerrakubeTokenApi({ http, apiUrl }: TerrakubeTokenApiOptions): TokenApi {
  const origin = new URL(apiUrl).origin;
  const atOrigin = (path: string) => new URL(path, origin).toString();
  const atApi = (path: string) => new URL(path, apiUrl).toString();

  return {
    async listPersonalTokens(signal) {
      return listOf(await http.request(atOrigin('/pat/v1'), { signal }), 'the personal tokens').map(mapPat);
    },
    async createPersonalToken({ description, days }) {
      const body = await http.request(atOrigin('/pat/v1'), { method: 'POST', body: { days, description } });
      return createdToken(body, 'the new token', noPersonalToken);
    },
    async deletePersonalToken(id) {
      await http.request(atOrigin(`/pat/v1/${segment(id)}`), { method: 'DELETE' });
    },

    async listTeamTokens(signal) {
      return listOf(await http.request(atOrigin('/access-token/v1/teams'), { signal }), 'the team tokens').map(
        mapTeamToken,
      );
    },
    async createTeamToken({ group, description, days, hours, minutes }) {
      const body = await http
        .request(atOrigin('/access-token/v1/teams'), { method: 'POST', body: { group, description, days, hours, minutes } })
        .catch((error: unknown) => {
          throw isApiError(error) && error.status === 403 ? notAMemberOf(group, error) : error;
        });
      return createdToken(body, 'the new team token', () => notAMemberOf(group));
    },
    async deleteTeamToken(id) {
      await http.request(atOrigin(`/access-token/v1/teams/${segment(id)}`), { method: 'DELETE' });
    },
    async currentTeams(signal) {
      const body = await http.request(atOrigin('/access-token/v1/teams/current-teams'), { signal });
      if (!isRecord(body) || !Array.isArray(body.groups)) throw unexpectedAnswer('your teams');
      return body.groups.filter((group): group is string => typeof group === 'string');
    },

    async listOrganizations(signal) {
      return jsonApiList(await http.request(atApi('organization'), { signal }), 'the organizations').map(
        mapOrganization,
      );
    },
    async listTeams(organizationId, signal) {
      const body = await http.request(atApi(`organization/${segment(organizationId)}/team`), { signal });
      return jsonApiList(body, 'the teams').map((team) => mapTeam(team, organizationId));
    },
    async getTeam(organizationId, teamId, signal) {
      const body = await http.request(atApi(`organization/${segment(organizationId)}/team/${segment(teamId)}`), {
        signal,
      });
      const data = jsonApiData(body, 'the team');
      if (!isRecord(data)) throw new ApiError(404, 'This team does not exist.');
      return mapTeam(data, organizationId);
    },
  };
}
