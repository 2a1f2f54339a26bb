/** Small fetch wrappers for calling the server's APIs as a client would. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
  // `headers` in lower case, as given: a request replayed exactly as a client sends it.
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] ??= options.contentType ?? 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export async function generatePat(baseUrl: string, token: string, description = 'CI token', days = 30): Promise<string> {
  const response = await call(baseUrl, 'POST', '/pat/v1', { token, body: { description, days } });
  if (response.status !== 201) throw new Error(`POST /pat/v1 answered ${response.status}: ${response.text}`);
  return (response.body as { token: string }).token;
}

export async function generateTeamToken(
  baseUrl: string,
  token: string,
  request: { group: string; description?: string; days?: number; hours?: number; minutes?: number },
): Promise<string> {
  const body = { description: 'Pipeline', days: 0, hours: 0, minutes: 0, ...request };
  const response = await call(baseUrl, 'POST', '/access-token/v1/teams', { token, body });
  if (response.status !== 201) throw new Error(`POST /access-token/v1/teams answered ${response.status}: ${response.text}`);
  return (response.body as { token: string }).token;
}
