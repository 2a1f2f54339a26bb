import { useState, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiTokenAuthProvider, AuthProvider, createUserManager } from '../auth';
import { ConfigProvider, type ConfigResult, type OidcConfig, type RuntimeConfig } from '../config';
import { ApiProviders } from './ApiProviders';
import { ConfigErrorPage } from './pages/ConfigErrorPage';
import { AppRoutes } from './routes';
import { AppTheme } from './theme';

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
  return <ApiTokenAuthProvider apiUrl={config.apiUrl}>{children}</ApiTokenAuthProvider>;
}

function SignedInApp({ config }: { config: RuntimeConfig }) {
  return (
    <ConfigProvider config={config}>
      <SignIn config={config}>
        <ApiProviders>
          {/* Mounted once signed in, so it starts at the route restored from the sign-in callback. */}
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ApiProviders>
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
