import { escapeHtml, htmlPage } from '../http/html';
import { DEMO_USERS } from './demoUsers';

export const WRONG_CREDENTIALS_MESSAGE = 'The email or password is wrong.';

/**
 * The provider's sign-in form. After a failed or refused attempt the email is kept and `error` (the wrong
 * credentials, or how long to wait) is announced.
 */
export function signInPage(options: { action: string; email?: string; error?: string }): string {
  const { action, email = '', error } = options;
  const failed = error !== undefined;
  const demoSignIns = DEMO_USERS.map((user) => `${escapeHtml(user.email)} / ${escapeHtml(user.password)}`).join(', ');
  return htmlPage(
    'Sign in',
    `<h1>Sign in</h1>
<p>Terrakube token settings</p>
${failed ? `<p role="alert" class="error" id="sign-in-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${failed ? ' aria-describedby="sign-in-error"' : ' autofocus'}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${failed ? ' autofocus aria-describedby="sign-in-error"' : ''}>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Demo sign-ins: ${demoSignIns}</p>`,
  );
}

export function expiredSignInPage(appUrl: string): string {
  return htmlPage(
    'Sign-in expired',
    `<h1>Sign-in expired</h1>
<p>This sign-in page is no longer valid. Start again from the app.</p>
<p><a class="button" href="${escapeHtml(appUrl)}">Back to the app</a></p>`,
  );
}
