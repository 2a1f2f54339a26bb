import { beforeAll, expect, it } from 'vitest';
import { call, generatePat } from '../test/api';
import { signIn } from '../test/signIn';
import { describeOnEachBackend, useTestServer } from '../test/testServer';
import { ORGANIZATION_ID, postQuery, UNKNOWN_ID, workspaceListQuery } from './graphqlTestCalls';

type JsonApiResource = { id: string; attributes: Record<string, unknown> };

describeOnEachBackend("the GraphQL endpoint answers what Terrakube's UI asks of it", (backend) => {
  const server = useTestServer(backend);
  let token: string;
  let organizations: JsonApiResource[];
  let teams: JsonApiResource[];

  beforeAll(async () => {
    // Not an admin: every signed-in caller sees every organization, as on the JSON:API.
    token = (await signIn(server.url, 'aws@example.com')).accessToken;
    organizations = ((await call(server.url, 'GET', '/api/v1/organization', { token })).body as { data: JsonApiResource[] }).data;
    teams = ((await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}/team`, { token })).body as { data: JsonApiResource[] }).data;
  });

  it("answers the UI's workspace-list query in the shape the UI reads", async () => {
    const response = await postQuery(server.url, token, workspaceListQuery(ORGANIZATION_ID));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.answer).toEqual({ data: { organization: { edges: [{ node: { id: ORGANIZATION_ID, name: 'simple', workspace: { edges: [] } } }] } } });
    // What the UI reads of it: tempData.data.organization.edges[0].node, and its workspace.edges.
    type Landing = { organization: { edges: { node: { id: string; name: string; workspace: { edges: unknown[] } } }[] } };
    const organization = (response.answer.data as Landing).organization.edges[0]!.node;
    expect([organization.id, organization.name, organization.workspace.edges]).toEqual([ORGANIZATION_ID, 'simple', []]);
  });

  it('answers with the headers of an API answer: no caching, nothing to render', async () => {
    const { headers } = await postQuery(server.url, token, '{ organization { edges { node { id } } } }');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('lists the organizations and their teams with the data of the JSON:API', async () => {
    const query = `{ organization { edges { node { id name description executionMode icon disabled
      team { edges { node { id name manageState manageWorkspace manageModule manageProvider manageVcs manageTemplate
        manageCollection manageJob } } } } } } }`;
    const { status, answer } = await postQuery(server.url, token, query);
    expect(status).toBe(200);
    const expectedTeams = teams.map((team) => ({ node: { id: team.id, ...team.attributes } }));
    expect(answer.data).toEqual({
      organization: {
        edges: organizations.map((organization) => ({
          node: { id: organization.id, ...organization.attributes, executionMode: 'remote', icon: null, disabled: false, team: { edges: expectedTeams } },
        })),
      },
    });
    expect(expectedTeams).toHaveLength(5);
  });

  it("answers every other relationship of Terrakube's organizations with no edges", async () => {
    const names = ['workspace', 'module', 'provider', 'job', 'vcs', 'ssh', 'agent', 'template', 'globalvar', 'tag', 'collection'];
    const fields = names.map((name) => `${name}(sort: "name", filter: "name==x", first: "5") { edges { node { id anything { at all } } } pageInfo { totalRecords } }`);
    const { status, answer } = await postQuery(server.url, token, `{ organization { edges { node { ${fields.join(' ')} } } } }`);
    expect(status).toBe(200);
    const node = Object.fromEntries(names.map((name) => [name, { edges: [], pageInfo: { totalRecords: 0 } }]));
    expect(answer.data).toEqual({ organization: { edges: [{ node }] } });
  });

  it.each([
    ['an unknown id', `["${UNKNOWN_ID}"]`, []],
    ['an id that is not a UUID', '["simple"]', []],
    ['the id in capitals', `["${ORGANIZATION_ID.toUpperCase()}"]`, [ORGANIZATION_ID]],
    ['an unknown and a known id', `["${UNKNOWN_ID}", null, "${ORGANIZATION_ID}"]`, [ORGANIZATION_ID]],
    ['one id, not in a list', `"${ORGANIZATION_ID}"`, [ORGANIZATION_ID]],
  ])('answers ids: with %s by the edges that match', async (_title, ids, expected) => {
    const { status, answer } = await postQuery(server.url, token, `{ organization(ids: ${ids}) { edges { node { id } } } }`);
    expect(status).toBe(200);
    expect(answer.data).toEqual({ organization: { edges: expected.map((id) => ({ node: { id } })) } });
  });

  it('reads ids from variables, in a list or as list items, with defaults', async () => {
    const ask = async (query: string, variables?: unknown) => (await postQuery(server.url, token, query, { variables })).answer;
    const edges = [{ node: { name: 'simple' } }];
    expect(await ask('query Q($ids: [String]) { organization(ids: $ids) { edges { node { name } } } }', { ids: [ORGANIZATION_ID] })).toEqual({
      data: { organization: { edges } },
    });
    expect(await ask('query ($id: ID!) { organization(ids: [$id]) { edges { node { name } } } }', { id: ORGANIZATION_ID })).toEqual({
      data: { organization: { edges } },
    });
    expect(await ask(`query ($ids: [ID!] = ["${UNKNOWN_ID}"]) { organization(ids: $ids) { edges { node { name } } } }`)).toEqual({
      data: { organization: { edges: [] } },
    });
    // A variable given as null is null, not its default: the argument is then left out.
    expect(await ask(`query ($ids: [ID] = ["${UNKNOWN_ID}"]) { organization(ids: $ids) { edges { node { name } } } }`, { ids: null })).toEqual({
      data: { organization: { edges } },
    });
  });

  it('answers aliases, fields asked twice, fragments, __typename and @skip/@include', async () => {
    const query = `query Landing($withTeams: Boolean!) {
      known: organization(ids: ["${ORGANIZATION_ID}"]) { __typename ...Names edges { node { orgName: name name } } }
      unknown: organization(ids: ["${UNKNOWN_ID}"]) { edges { node { id } } }
      __typename
    }
    fragment Names on OrganizationConnection { edges { __typename node { __typename id
      team(first: "1") @include(if: $withTeams) { edges { node { ... on Team { name } } } }
      workspace @skip(if: true) { edges { node { id } } } } } }`;
    const { status, answer } = await postQuery(server.url, token, query, { variables: { withTeams: true }, operationName: 'Landing' });
    expect(status).toBe(200);
    const firstTeam = teams[0]!; // the first by name, as both APIs list them
    expect(answer.data).toEqual({
      known: {
        __typename: 'OrganizationConnection',
        edges: [
          {
            __typename: 'OrganizationEdge',
            node: { __typename: 'Organization', id: ORGANIZATION_ID, team: { edges: [{ node: { name: firstTeam.attributes.name } }] }, orgName: 'simple', name: 'simple' },
          },
        ],
      },
      unknown: { edges: [] },
      __typename: 'Query',
    });
  });

  it('sorts and pages teams as Elide does, with pageInfo', async () => {
    const names = teams.map((team) => String(team.attributes.name)).sort().reverse();
    const query = `{ organization { edges { node { team(sort: "-name", first: "2", after: "1") {
      edges { node { name } } pageInfo { totalRecords hasNextPage startCursor endCursor } } } } } }`;
    const { answer } = await postQuery(server.url, token, query);
    expect(answer.data).toEqual({
      organization: {
        edges: [
          {
            node: {
              team: {
                edges: names.slice(1, 3).map((name) => ({ node: { name } })),
                pageInfo: { totalRecords: 5, hasNextPage: true, startCursor: '1', endCursor: '3' },
              },
            },
          },
        ],
      },
    });
  });

  it('picks the operation named by operationName', async () => {
    const query = 'query Ids { organization { edges { node { id } } } } query Names { organization { edges { node { name } } } }';
    const { answer } = await postQuery(server.url, token, query, { operationName: 'Names' });
    expect(answer).toEqual({ data: { organization: { edges: [{ node: { name: 'simple' } }] } } });
  });

  it('takes null variables and operationName, and extensions, as GraphQL over HTTP allows', async () => {
    const query = '{ organization { edges { node { name } } } }';
    const { status, answer } = await postQuery(server.url, token, query, { variables: null, operationName: null, extensions: { persistedQuery: {} } });
    expect(status).toBe(200);
    expect(answer).toEqual({ data: { organization: { edges: [{ node: { name: 'simple' } }] } } });
  });

  it('answers a personal access token as it answers a sign-in', async () => {
    const pat = await generatePat(server.url, token, 'GraphQL reader');
    const { status, answer } = await postQuery(server.url, pat, '{ organization { edges { node { team { edges { node { id } } } } } } }');
    expect(status).toBe(200);
    expect((answer.data as { organization: { edges: { node: { team: { edges: unknown[] } } }[] } }).organization.edges[0]!.node.team.edges).toHaveLength(5);
  });
});
