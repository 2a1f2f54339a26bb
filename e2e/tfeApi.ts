import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** JSON:API requests to the embedded server's HCP Terraform surface, as a script or the Terraform CLI sends them. */
export const JSON_API = 'application/vnd.api+json';

export function tfeHeaders(token: string) {
  return { authorization: `Bearer ${token}`, 'content-type': JSON_API, accept: JSON_API };
}

export async function tfeGet(request: APIRequestContext, path: string, token: string) {
  return request.get(`/api/v2/${path}`, { headers: tfeHeaders(token), failOnStatusCode: false });
}

export async function tfePost(request: APIRequestContext, path: string, token: string, data: unknown) {
  return request.post(`/api/v2/${path}`, { headers: tfeHeaders(token), data: JSON.stringify(data), failOnStatusCode: false });
}

/** The id of the signed-in user (`user-…`), from `account/details`. */
export async function userIdOf(request: APIRequestContext, token: string): Promise<string> {
  const response = await tfeGet(request, 'account/details', token);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** The id of a team (`team-…`) of the seeded organization, by name. */
export async function teamIdOf(request: APIRequestContext, token: string, name: string): Promise<string> {
  const response = await tfeGet(request, `organizations/simple/teams?page%5Bsize%5D=100`, token);
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { id: string; attributes: { name: string } }[] };
  const team = data.find((candidate) => candidate.attributes.name === name);
  if (!team) throw new Error(`No team ${name}`);
  return team.id;
}

