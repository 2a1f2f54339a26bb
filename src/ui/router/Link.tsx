import { useEffect, type AnchorHTMLAttributes, type MouseEvent, type Ref } from 'react';
import { hrefOf, isActivePath, resolveTo, type To } from './matchRoute';
import { useLocation, useNavigate } from './Router';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: To;
  replace?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/**
 * A click the app handles itself: a plain left click on a link that opens here. Modifier clicks, middle clicks,
 * `target`s and downloads are left to the browser (a new tab or window, a saved file).
 */
export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) &&
    (!target || target === '_self') &&
    !event.currentTarget.hasAttribute('download')
  );
}

/** An `<a href>` to a page of the app that changes the page without reloading it. */
export function Link({ to, replace, onClick, ref, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const href = hrefOf(resolveTo(to, pathname));
  return (
    <a
      {...rest}
      ref={ref}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(href, { replace });
      }}
    />
  );
}

export interface NavLinkProps extends LinkProps {
  /** Current only on exactly this path, not on the pages below it. */
  end?: boolean;
}

/** A navigation link that says (`aria-current="page"`) when it is the current page. */
export function NavLink({ to, end, ...rest }: NavLinkProps) {
  const { pathname } = useLocation();
  const active = isActivePath(resolveTo(to, pathname).pathname, pathname, end);
  return <Link {...rest} to={to} aria-current={active ? 'page' : undefined} />;
}

/** Goes to `to` once rendered: a redirect, which replaces the entry unless `replace` is false. */
export function Navigate({ to, replace = true }: { to: To; replace?: boolean }) {
  const navigate = useNavigate();
  const target = typeof to === 'string' ? to : JSON.stringify(to);
  useEffect(() => {
    navigate(to, { replace });
    // `to` is compared by value: an object literal made anew each render is the same target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigate, target, replace]);
  return null;
}
