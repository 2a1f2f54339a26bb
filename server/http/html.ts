const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The pages' one stylesheet, inline so a page needs nothing else; the pages' policy allows it by its hash. */
export const PAGE_STYLE = `
  :root { color-scheme: light dark; --fg: #1a1a1a; --bg: #f5f5f5; --card: #ffffff; --accent: #1d4ed8; --error: #b91c1c; --border: #6b7280; }
  @media (prefers-color-scheme: dark) {
    :root { --fg: #f3f4f6; --bg: #111827; --card: #1f2937; --accent: #93c5fd; --error: #fca5a5; --border: #9ca3af; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
  main { max-width: 26rem; margin: 2rem auto; padding: 1.5rem; background: var(--card); border-radius: 8px; }
  @media (max-width: 30rem) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; margin-top: 0.25rem; padding: 0.6rem; font: inherit; color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 4px; }
  button, .button { display: inline-block; margin-top: 1.5rem; padding: 0.6rem 1.2rem; font: inherit; font-weight: 600; color: var(--card); background: var(--accent); border: 0; border-radius: 4px; cursor: pointer; text-decoration: none; }
  button { width: 100%; }
  :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .error { color: var(--error); font-weight: 600; }
  .hint { font-size: 0.875rem; margin-top: 1.5rem; }
  a { color: var(--accent); }
  @media (forced-colors: active) { main, button, .button { border: 1px solid CanvasText; } button, .button { color: ButtonText; background: ButtonFace; } }
`;

/** Submits the page's form at once (signing out); the pages' policy allows it by its hash. */
export const SUBMIT_FORM_SCRIPT = 'document.forms[0].submit();';

/**
 * A small, self-contained page (no external resources) with readable contrast in light and dark mode and a
 * layout that works from 360 px wide. With `submitForm` its form is submitted as soon as it loads.
 */
export function htmlPage(title: string, body: string, { submitForm = false } = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
${submitForm ? `<script>${SUBMIT_FORM_SCRIPT}</script>\n` : ''}</body>
</html>
`;
}
