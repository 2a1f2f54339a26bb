import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tokenApiFactory } from './api';
import { App } from './app/App';
import { preloadScreenFor } from './app/routes';
import { readRuntimeConfig } from './config';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const configResult = readRuntimeConfig();
// What the first screen loads on demand (the HCP Terraform adapter, a teams screen) starts downloading now, while
// the app restores its session, instead of once it has. The app takes up the same downloads and handles their
// failures. Where people sign in with an API token every load starts on the sign-in page, which needs no adapter.
if (configResult.ok && configResult.config.oidc) Promise.resolve(tokenApiFactory(configResult.config)).catch(() => undefined);
preloadScreenFor(window.location.pathname);

// Rendered as a transition, so that React yields to the browser every few milliseconds instead of holding the main
// thread for the whole first render: on a slow phone that is the difference between a page that answers a tap at
// once and one that does not.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App configResult={configResult} />
    </StrictMode>,
  );
});
