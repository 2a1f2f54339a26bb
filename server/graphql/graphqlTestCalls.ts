import { call } from '../test/api';

/** For the GraphQL suites: the seeded organization, a UUID nobody has, and calls to the endpoint. */
export const ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const GRAPHQL_PATH = '/graphql/api/v1';

/**
 * What Terrakube's UI sends for its workspace list, the organization's landing page (its workspaceService.ts),
 * character for character: its template literal, with the organization's id where it writes `${organizationId}`.
 */
export const workspaceListQuery = (organizationId: string) => `{
          organization(ids: ["${organizationId}"]) {
            edges {
              node {
                id
                name
                workspace(sort: "name") {
                  edges {
                    node {
                      id
                      name
                      description
                      source
                      branch
                      terraformVersion
                      iacType
                      workspaceTag {
                        edges { 
                          node {
                            id
                            tagId
                          }
                        } 
                      }
                      job(sort: "id") {
                        edges {
                          node {
                            id
                            status
                            updatedDate
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }`;

export interface GraphQLAnswer {
  data?: Record<string, unknown>;
  errors?: { message: string; locations?: { line: number; column: number }[] }[];
}

/** POSTs `{query, variables?, operationName?}` as Terrakube's UI does (Content-Type: application/json). */
export async function postQuery(
  baseUrl: string,
  token: string | undefined,
  query: string,
  extra: { variables?: unknown; operationName?: unknown; extensions?: unknown } = {},
) {
  const response = await call(baseUrl, 'POST', GRAPHQL_PATH, { token, body: { query, ...extra } });
  return { ...response, answer: response.body as GraphQLAnswer };
}

/** The one error message of a refused query. */
export async function errorOf(baseUrl: string, token: string, query: string, extra: { variables?: unknown; operationName?: unknown } = {}) {
  const { status, answer } = await postQuery(baseUrl, token, query, extra);
  return { status, message: answer.errors?.[0]?.message, count: answer.errors?.length, data: answer.data };
}
