import { useEffect } from 'react';
import { usePlatformName } from '../api';

/** Sets the browser tab's title to "PAGE · PLATFORM" (e.g. "API tokens · Terrakube") while the page is shown. */
export function useDocumentTitle(page: string): void {
  const platformName = usePlatformName();
  useEffect(() => {
    document.title = `${page} · ${platformName}`;
  }, [page, platformName]);
}
