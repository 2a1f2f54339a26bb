import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tokenApiFactory } from './api';
import { App } from './app/App';
import { preloadScreenFor } from './app/routes';
import { readRuntimeConfig } from './config';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

/** The longest the first render waits for the code the first screen needs, so that a stalled download cannot keep the page blank. */
const FIRST_RENDER_WAIT_MS = 2_000;

const configResult = readRuntimeConfig();
// What the first screen loads on demand (the HCP Terraform adapter, a teams screen) starts downloading now, and the
// first render waits for it: then the screen shows at once, and its own requests start at once, instead of after a
// placeholder. The app takes up the same downloads and handles their failures. Where people sign in with an API
// token every load starts on the sign-in page, which needs no adapter.
const downloads = [preloadScreenFor(window.location.pathname)];
if (configResult.ok && configResult.config.oidc) downloads.push(Promise.resolve(tokenApiFactory(configResult.config)).then(() => undefined, () => undefined));
const waited = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));

void Promise.race([Promise.all(downloads), waited]).then(() => {
  // Rendered as a transition, so that React yields to the browser every few milliseconds instead of holding the
  // main thread for the whole first render: on a slow phone that is the difference between a page that answers a
  // tap at once and one that does not.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App configResult={configResult} />
      </StrictMode>,
    );
  });
});
