/** Lighthouse results boiled down to the figures the bench reports: medians, metrics and what cost points. */

/** Lighthouse mobile Performance each screen is held to, on a first visit and on a warm one. */
export const LIGHTHOUSE_TARGET = 95;

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}

interface Category {
  id: string;
  score: number | null;
  auditRefs: { id: string; weight: number }[];
}

/** The part of a Lighthouse result (LHR) read here. */
export interface LighthouseRun {
  categories: Record<string, Category>;
  audits: Record<string, Audit>;
}

export interface LighthouseFigure {
  flavor: string;
  screen: string;
  path: string;
  /** `cold`: a first visit, with the HTTP cache empty. `warm`: the files come from the cache. */
  cache: 'cold' | 'warm';
  /** The median of the runs' Performance scores. */
  performance: number;
  runs: number[];
  /** Of the median run. */
  accessibility: number;
  bestPractices: number;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** The metrics that cost Performance points in the median run, and how many. */
  lostPoints: { metric: string; points: number; value: string }[];
  /** Performance audits that did not pass in the median run (what the lost points come from). */
  failing: string[];
}

const scoreOf = (category: Category | undefined) => Math.round((category?.score ?? 0) * 100);
const numeric = (run: LighthouseRun, id: string) => run.audits[id]?.numericValue ?? NaN;

function lostPoints(run: LighthouseRun): LighthouseFigure['lostPoints'] {
  const refs = run.categories.performance?.auditRefs.filter((ref) => ref.weight > 0) ?? [];
  const total = refs.reduce((sum, ref) => sum + ref.weight, 0) || 1;
  return refs
    .map((ref) => {
      const audit = run.audits[ref.id]!;
      return { metric: audit.title, points: (100 * ref.weight * (1 - (audit.score ?? 0))) / total, value: audit.displayValue ?? '' };
    })
    .filter((lost) => lost.points >= 0.5)
    .sort((a, b) => b.points - a.points)
    .map((lost) => ({ ...lost, points: Math.round(lost.points * 10) / 10 }));
}

function failingAudits(run: LighthouseRun): string[] {
  const refs = run.categories.performance?.auditRefs.filter((ref) => ref.weight === 0) ?? [];
  return refs
    .map((ref) => run.audits[ref.id])
    .filter((audit): audit is Audit => !!audit && audit.score !== null && audit.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode))
    .map((audit) => (audit.displayValue ? `${audit.title} (${audit.displayValue})` : audit.title));
}

export function lighthouseFigure(screen: Pick<LighthouseFigure, 'flavor' | 'screen' | 'path' | 'cache'>, runs: LighthouseRun[]): LighthouseFigure {
  const sorted = [...runs].sort((a, b) => scoreOf(a.categories.performance) - scoreOf(b.categories.performance));
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return {
    ...screen,
    performance: scoreOf(median.categories.performance),
    runs: runs.map((run) => scoreOf(run.categories.performance)),
    accessibility: scoreOf(median.categories.accessibility),
    bestPractices: scoreOf(median.categories['best-practices']),
    metrics: {
      fcpMs: Math.round(numeric(median, 'first-contentful-paint')),
      lcpMs: Math.round(numeric(median, 'largest-contentful-paint')),
      tbtMs: Math.round(numeric(median, 'total-blocking-time')),
      cls: Math.round(numeric(median, 'cumulative-layout-shift') * 1000) / 1000,
      speedIndexMs: Math.round(numeric(median, 'speed-index')),
    },
    lostPoints: lostPoints(median),
    failing: failingAudits(median),
  };
}

/** The figures as a table, cold and warm side by side, each beside the target, with what cost points. */
export function lighthouseLines(figures: LighthouseFigure[]): string[] {
  const lines = [
    `Lighthouse mobile Performance (median of ${figures[0]?.runs.length ?? 0} runs; target ≥ ${LIGHTHOUSE_TARGET}), accessibility and best practices:`,
    '  flavor     screen               cold  warm   FCP cold  LCP cold  TBT cold   CLS    a11y  best practices',
  ];
  const keys = [...new Set(figures.map((figure) => `${figure.flavor}\u0000${figure.screen}`))];
  const mark = (score: number) => `${score}${score >= LIGHTHOUSE_TARGET ? ' ' : '!'}`.padStart(5);
  for (const key of keys) {
    const [flavor, screen] = key.split('\u0000') as [string, string];
    const cold = figures.find((f) => f.flavor === flavor && f.screen === screen && f.cache === 'cold');
    const warm = figures.find((f) => f.flavor === flavor && f.screen === screen && f.cache === 'warm');
    const m = cold?.metrics;
    lines.push(
      `  ${flavor.padEnd(10)} ${screen.padEnd(19)} ${cold ? mark(cold.performance) : '    -'} ${warm ? mark(warm.performance) : '    -'}` +
        `  ${m ? `${m.fcpMs} ms`.padStart(8) : ''}  ${m ? `${m.lcpMs} ms`.padStart(8) : ''}  ${m ? `${m.tbtMs} ms`.padStart(8) : ''}  ${m ? String(m.cls).padStart(5) : ''}` +
        `  ${String(cold?.accessibility ?? '').padStart(5)}  ${String(cold?.bestPractices ?? '').padStart(14)}`,
    );
    for (const figure of [cold, warm]) {
      if (!figure) continue;
      const lost = figure.lostPoints.map((l) => `${l.metric} ${l.value} −${l.points}`).join(', ');
      if (lost) lines.push(`      ${figure.cache}: points lost to ${lost}`);
      if (figure.failing.length) lines.push(`      ${figure.cache}: not passed: ${figure.failing.join('; ')}`);
    }
  }
  return lines;
}
