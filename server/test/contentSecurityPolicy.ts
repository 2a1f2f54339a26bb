import { createHash } from 'node:crypto';
import { expect } from 'vitest';

/** The directives of a Content-Security-Policy header, by name. */
export function directivesOf(policy: string | null | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of (policy ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Every inline `<script>` and `<style>` of a page must be allowed by its policy by hash, not by 'unsafe-inline'. */
export function expectInlineCodeAllowed(page: string, policy: string | null | undefined): void {
  const directives = directivesOf(policy);
  for (const [tag, directive] of [['script', 'script-src'], ['style', 'style-src']] as const) {
    const sources = directives.get(directive) ?? [];
    expect(sources).not.toContain("'unsafe-inline'");
    for (const [, code] of page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
      expect(sources, `${directive} allows an inline ${tag}`).toContain(sha256(code!));
    }
  }
}

/** The headers every answer carries, from a route or from the server before any route (`headers` lowercased). */
export function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>): void {
  expect(directivesOf(String(headers['content-security-policy'])).get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

/** The policy of an answer with nothing to render: the JSON APIs', and errors written before any route. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
