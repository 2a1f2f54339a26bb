import type { Page } from '@playwright/test';

/**
 * What breaks WCAG 1.4.10 (Reflow) on the page as it is: the page scrolling sideways, an element reaching past
 * the viewport's left or right edge, or a box that hides overflow cutting its content off. A box that scrolls on
 * its own (a code block) may hold wider content: 1.4.10 allows that for code.
 */
export function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${width} px`);

    const describe = (element: Element) => {
      const classes = Array.from(element.classList).filter((name) => !name.startsWith('css-')).slice(0, 3).join('.');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> "${text}"`;
    };
    const scrollsSideways = (element: Element) => /auto|scroll/.test(getComputedStyle(element).overflowX);
    const insideOwnScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (scrollsSideways(parent)) return true;
      }
      return false;
    };

    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Not shown, visually hidden (1 px, for screen readers), or moved out of view on purpose (the skip link).
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || rect.bottom <= 0) continue;
      if ((rect.right > width + 1 || rect.left < -1) && !insideOwnScroller(element)) {
        problems.push(`${describe(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px of ${width}`);
      }
      const hidesOverflow = /hidden|clip/.test(style.overflowX) || element.tagName === 'TEXTAREA';
      const cut = element.scrollWidth > element.clientWidth + 1 || (element.tagName === 'TEXTAREA' && element.scrollHeight > element.clientHeight + 1);
      if (hidesOverflow && cut && (element.textContent || (element as HTMLTextAreaElement).value)) {
        problems.push(`${describe(element)} cuts its content off: ${element.scrollWidth}×${element.scrollHeight} px in ${element.clientWidth}×${element.clientHeight}`);
      }
    }
    return problems;
  });
}
