import { lazy, Suspense, useState, type ReactNode } from 'react';
import { BrowserRouter } from '../ui/router';
import { forgetTokenApiFactory } from '../api';
import { AuthProvider, createUserManager } from '../auth';
import { LazyLoadBoundary } from '../ui/LazyLoadBoundary';
import { ConfigProvider, type ConfigResult, type OidcConfig, type RuntimeConfig } from '../config';
import { ApiProviders } from './ApiProviders';
import { ConfigErrorPage } from './pages/ConfigErrorPage';
import { PageLoading } from './pages/PageLoading';
import { AppRoutes } from './routes';
import { AppTheme } from './theme';

const reloadPage = () => window.location.reload();

// Only deployments without an identity provider sign in with a user API token: its page loads when needed.
const ApiTokenAuthProvider = lazy(() =>
  import('../auth/ApiTokenAuthProvider').then((module) => ({ default: module.ApiTokenAuthProvider })),
);

function OidcSignIn({ oidc, children }: { oidc: OidcConfig; children: ReactNode }) {
  const [manager] = useState(() => createUserManager(oidc));
  return (
    <AuthProvider manager={manager} redirectUri={oidc.redirectUri}>
      {children}
    </AuthProvider>
  );
}

/** Through the identity provider when one is configured; else (HCP Terraform / TFE) with a user API token. */
function SignIn({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  if (config.oidc) return <OidcSignIn oidc={config.oidc}>{children}</OidcSignIn>;
  // A failed download of the sign-in page is kept by `lazy`: Retry reloads the page.
  return (
    <LazyLoadBoundary what="the sign-in page" onReload={reloadPage} onDismiss={reloadPage}>
      <Suspense fallback={<PageLoading />}>
        <ApiTokenAuthProvider apiUrl={config.apiUrl}>{children}</ApiTokenAuthProvider>
      </Suspense>
    </LazyLoadBoundary>
  );
}

function SignedInApp({ config }: { config: RuntimeConfig }) {
  return (
    <ConfigProvider config={config}>
      <SignIn config={config}>
        {/* Retry downloads an adapter whose download failed anew; there is nothing to dismiss to but a reload. */}
        <LazyLoadBoundary what="the app" onReload={() => forgetTokenApiFactory(config)} onDismiss={reloadPage}>
          <Suspense fallback={<PageLoading />}>
            <ApiProviders>
              {/* Mounted once signed in, so it starts at the route restored from the sign-in callback. */}
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </ApiProviders>
          </Suspense>
        </LazyLoadBoundary>
      </SignIn>
    </ConfigProvider>
  );
}

export function App({ configResult }: { configResult: ConfigResult }) {
  return (
    <AppTheme>
      {configResult.ok ? <SignedInApp config={configResult.config} /> : <ConfigErrorPage problems={configResult.problems} />}
    </AppTheme>
  );
}
