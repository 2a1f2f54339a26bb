import { useEffect } from 'react';

export const PRODUCT_NAME = 'Terrakube';

/** Sets the browser tab's title to "PAGE · Terrakube" while the page is shown. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · ${PRODUCT_NAME}`;
  }, [page]);
}
