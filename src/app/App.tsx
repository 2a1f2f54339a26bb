import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AuthProvider, createUserManager } from '../auth';
import { ConfigProvider, type ConfigResult } from '../config';
import { ApiProviders } from './ApiProviders';
import { ConfigErrorPage } from './pages/ConfigErrorPage';
import { AppRoutes } from './routes';
import { AppTheme } from './theme';

function SignedInApp({ config }: { config: Extract<ConfigResult, { ok: true }>['config'] }) {
  const [manager] = useState(() => createUserManager(config));
  return (
    <ConfigProvider config={config}>
      <AuthProvider manager={manager} redirectUri={config.redirectUri}>
        <ApiProviders>
          {/* Mounted once signed in, so it starts at the route restored from the sign-in callback. */}
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ApiProviders>
      </AuthProvider>
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
