/**
 * What the nginx end-to-end tests run against: the image's nginx serving the built app, with the embedded
 * server as the API, for each flavor. The global setup sets these variables to the URLs it started.
 */
export const NGINX_E2E = {
  terrakube: { nginxVariable: 'E2E_NGINX_TERRAKUBE_URL', apiVariable: 'E2E_NGINX_TERRAKUBE_API_URL' },
  tfe: { nginxVariable: 'E2E_NGINX_TFE_URL', apiVariable: 'E2E_NGINX_TFE_API_URL' },
} as const;

export type NginxFlavor = keyof typeof NGINX_E2E;

function urlOf(variable: string): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run these tests through e2e/nginx/playwright.config.ts`);
  return url;
}

/** Where nginx serves the app, and where the embedded server (the API and identity provider) listens. */
export function nginxE2eUrls(flavor: NginxFlavor): { nginx: string; api: string } {
  return { nginx: urlOf(NGINX_E2E[flavor].nginxVariable), api: urlOf(NGINX_E2E[flavor].apiVariable) };
}
