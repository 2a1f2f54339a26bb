import type { Page } from '@playwright/test';
import { longTasksSince, pageNow, percentile } from '../e2e/measurements';

/** Scrolling the long list one step a frame, recording each frame's duration and the long tasks. */

export interface ScrollRun {
  pace: string;
  pixelsPerFrame: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/**
 * Two paces of scrolling down the list, one step a frame: a fast flick (100 px a frame, 6,000 px/s at 60 Hz), and a
 * whole viewport a frame, the worst case, where every rendered row is replaced on every frame.
 */
export const SCROLL_PACES = [
  { pace: 'fast flick', pixelsPerFrame: () => 100 },
  { pace: 'a viewport a frame', pixelsPerFrame: (viewport: number) => viewport },
];
const SCROLL_FRAMES = 600;

/** Scrolls `SCROLL_FRAMES` steps from the top at `pace`, recording each frame's duration and the long tasks. */
export async function scrollRun(page: Page, { pace, pixelsPerFrame }: (typeof SCROLL_PACES)[number]): Promise<ScrollRun> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  const step = pixelsPerFrame(page.viewportSize()!.height);
  const started = await pageNow(page);
  const frames = await page.evaluate(
    async ({ step, count }) => {
      const deltas: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      while (deltas.length < count && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
        window.scrollBy(0, step);
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    },
    { step, count: SCROLL_FRAMES },
  );
  const tasks = await longTasksSince(page, started);
  return {
    pace,
    pixelsPerFrame: step,
    frames: frames.length,
    frameP50Ms: percentile(frames, 50),
    frameP95Ms: percentile(frames, 95),
    frameMaxMs: Math.max(...frames),
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
  };
}
