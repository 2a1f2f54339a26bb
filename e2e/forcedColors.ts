import type { Locator } from '@playwright/test';

/** What forced colours leave of an element: its edge, outline and colours, as the browser paints them there. */
export interface ForcedLook {
  border: string;
  outline: string;
  boxShadow: string;
  color: string;
  background: string;
  icons: number;
  text: string;
}

export function forcedLook(element: Locator): Promise<ForcedLook> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    const side = (name: 'border-top' | 'outline') =>
      style.getPropertyValue(`${name}-style`) === 'none' ? 'none' : `${style.getPropertyValue(`${name}-width`)} ${style.getPropertyValue(`${name}-style`)}`;
    return {
      border: side('border-top'),
      outline: side('outline'),
      boxShadow: style.boxShadow,
      color: style.color,
      background: style.backgroundColor,
      icons: node.querySelectorAll('svg').length,
      text: (node.textContent ?? '').trim(),
    };
  });
}

/** A line at least 1 px wide: forced colours keep borders and outlines (in system colours), not shadows. */
export const isDrawn = (line: string): boolean => line !== 'none' && parseFloat(line) >= 1;
