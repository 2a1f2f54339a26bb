import { workspaceListQuery } from '../graphql/graphqlTestCalls';
import { call } from '../test/api';

/**
 * The requests Terrakube's own web UI sends, request for request, for its token and team screens: paths, methods,
 * headers and bodies as its source builds them (its `modules/api/apiWrapper.ts` for `/pat/v1`,
 * `/api/v1/organization` and GraphQL, `config/axiosConfig.ts` for the JSON:API and the team-token calls). Axios
 * adds its default `Accept` and the UI the bearer token; `apiWrapper` sets a JSON:API `Content-type` on every
 * call, which axios drops from one without a body, as a browser running the UI shows.
 */
export interface UiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

const AXIOS_ACCEPT = 'application/json, text/plain, */*';
const JSON_API = 'application/vnd.api+json';

/** `apiWrapper`'s requests: `Content-type: application/vnd.api+json` unless the call names another. */
const wrapped = (method: UiRequest['method'], path: string, token: string, body?: unknown, contentType = JSON_API): UiRequest => ({
  method,
  path,
  headers: { accept: AXIOS_ACCEPT, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
  ...(body === undefined ? {} : { body }),
});

/** `axiosInstance` and `axiosClientAuth`: the bearer token, and a Content-Type only where a call sets one. */
const axiosCall = (method: UiRequest['method'], path: string, token: string, body?: unknown): UiRequest => ({
  method,
  path,
  headers: {
    accept: AXIOS_ACCEPT,
    authorization: `Bearer ${token}`,
    ...(body === undefined ? {} : { 'content-type': JSON_API }),
  },
  ...(body === undefined ? {} : { body }),
});

/** User settings › Tokens (PAT): `modules/user/userService.ts` and its create modal's form (description, days). */
export const personalTokensScreen = {
  list: (token: string) => wrapped('GET', '/pat/v1', token),
  generate: (token: string, description: string, days: number) => wrapped('POST', '/pat/v1', token, { description, days }),
  delete: (token: string, id: string) => wrapped('DELETE', `/pat/v1/${id}`, token),
};

/** The organization picker and the main menu: `organizationService.ts`, `MainMenu.tsx`, `App.tsx`. */
export const organizationScreens = {
  picker: (token: string) => wrapped('GET', '/api/v1/organization', token),
  menu: (token: string) => axiosCall('GET', '/api/v1/organization', token),
  byId: (token: string, organizationId: string) => axiosCall('GET', `/api/v1/organization/${organizationId}`, token),
};

/** The organization's landing page: its workspaces through GraphQL (`workspaceService.ts`), and its tags. */
export const landingPage = {
  workspaces: (token: string, organizationId: string) =>
    wrapped('POST', '/graphql/api/v1', token, { query: workspaceListQuery(organizationId) }, 'application/json'),
  tags: (token: string, organizationId: string) => wrapped('GET', `/api/v1/organization/${organizationId}/tag`, token),
};

/** Settings › Teams and Settings › Teams › Edit: `domain/Settings/Teams.tsx` and `EditTeam.tsx`. */
export const teamScreens = {
  teams: (token: string, organizationId: string) => axiosCall('GET', `/api/v1/organization/${organizationId}/team`, token),
  team: (token: string, organizationId: string, teamId: string) =>
    axiosCall('GET', `/api/v1/organization/${organizationId}/team/${teamId}`, token),
  tokens: (token: string) => axiosCall('GET', '/access-token/v1/teams', token),
  currentTeams: (token: string) => axiosCall('GET', '/access-token/v1/teams/current-teams', token),
  // The token form starts at 0 days, 0 hours, 0 minutes and sends all three with the team's name.
  generate: (token: string, form: { description: string; days: number; hours: number; minutes: number }, group: string) =>
    axiosCall('POST', '/access-token/v1/teams', token, { description: form.description, days: form.days, minutes: form.minutes, hours: form.hours, group }),
  delete: (token: string, id: string) => axiosCall('DELETE', `/access-token/v1/teams/${id}`, token),
  // Asked by the workspace pages for what the signed-in person may do (`domain/Workspaces/Details.tsx`).
  permissions: (token: string, organizationId: string) =>
    axiosCall('GET', `/access-token/v1/teams/permissions/organization/${organizationId}`, token),
};

export interface UiAnswer {
  status: number;
  contentType: string | null;
  text: string;
  body: unknown;
}

/** Sends one request exactly as the UI does. */
export async function replay(baseUrl: string, request: UiRequest): Promise<UiAnswer> {
  const { status, headers, text, body } = await call(baseUrl, request.method, request.path, { headers: request.headers, body: request.body });
  return { status, contentType: headers.get('content-type'), text, body };
}
