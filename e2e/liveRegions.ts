import type { Page } from '@playwright/test';

const LIVE_REGIONS = '[aria-live], [role="status"], [role="alert"], [role="log"]';

/** Notes the live regions the page has now, before an action whose outcome should be announced. */
export async function noteLiveRegions(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    (window as unknown as { __notedRegions: Element[] }).__notedRegions = Array.from(document.querySelectorAll(selector));
  }, LIVE_REGIONS);
}

/**
 * Waits until `text` is in one of the live regions noted before the action (still in the page, not hidden):
 * a region that arrives with its message is often not announced, so a message must land in one that was there.
 */
export async function expectAnnouncedInNotedRegion(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (window as unknown as { __notedRegions: Element[] }).__notedRegions.some(
        (region) => region.isConnected && !region.closest('[aria-hidden="true"]') && (region.textContent ?? '').includes(expected),
      ),
    text,
    { timeout: 10_000 },
  );
}
