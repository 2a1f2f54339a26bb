import { QueryClientProvider, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import { useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../../../config';
import { ConfigProvider } from '../../../config/ConfigContext';
import { AppTheme } from '../../../app/theme';
import { FakeAuthProvider } from '../../../auth/testing/FakeAuthProvider';
import { GenerateTokenDialog, type GenerateTokenDialogProps } from '../GenerateTokenDialog';

/** Test helpers for the generate dialog: never imported by the app. */

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** An unsigned token shaped like Terrakube's (header.payload.signature, base64url). */
export function fakeJwt(payload: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}

export const TEST_CONFIG: RuntimeConfig = {
  apiUrl: 'https://terrakube-api.example.com/api/v1/',
  apiOrigin: 'https://terrakube-api.example.com',
  apiHost: 'terrakube-api.example.com',
  authority: 'https://terrakube-dex.example.com/dex',
  clientId: 'example-app',
  redirectUri: 'https://terrakube-ui.example.com/',
  scope: 'email openid profile offline_access groups',
  tokenBackend: 'terrakube',
};

/** A page stand-in: the list the dialog refreshes, and the button that opens the dialog. */
export function DialogHarness({
  queryClient,
  config = TEST_CONFIG,
  listTokens,
  initiallyOpen = true,
  unmountOnClose = false,
  onClose,
  signInAgain,
  ...props
}: Omit<GenerateTokenDialogProps, 'open' | 'onClose'> & {
  queryClient: QueryClient;
  config?: RuntimeConfig;
  listTokens: () => Promise<string[]>;
  initiallyOpen?: boolean;
  /** Render the dialog only while open (as a lazy-loading page does), instead of keeping it mounted. */
  unmountOnClose?: boolean;
  onClose?: () => void;
  signInAgain?: () => void;
}) {
  return (
    <AppTheme>
      <FakeAuthProvider signInAgain={signInAgain}>
        <ConfigProvider config={config}>
          <QueryClientProvider client={queryClient}>
            <Page listTokens={listTokens} tokenListKey={props.tokenListKey} initiallyOpen={initiallyOpen}>
              {(open, close) =>
                (open || !unmountOnClose) && (
                  <GenerateTokenDialog
                    {...props}
                    open={open}
                    onClose={() => {
                      onClose?.();
                      close();
                    }}
                  />
                )
              }
            </Page>
          </QueryClientProvider>
        </ConfigProvider>
      </FakeAuthProvider>
    </AppTheme>
  );
}

function Page({
  listTokens,
  tokenListKey,
  initiallyOpen,
  children,
}: {
  listTokens: () => Promise<string[]>;
  tokenListKey: QueryKey;
  initiallyOpen: boolean;
  children: (open: boolean, close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const list = useQuery({ queryKey: tokenListKey, queryFn: listTokens });
  return (
    <main>
      <ul aria-label="Tokens">
        {list.data?.map((description) => (
          <li key={description}>{description}</li>
        ))}
      </ul>
      <Button onClick={() => setOpen(true)}>Generate token</Button>
      {children(open, () => setOpen(false))}
    </main>
  );
}
