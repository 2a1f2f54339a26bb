import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bench's figures, each with its target: printed as a table beside the target and whether it was met, and
 * written to bench/results.json (the sections' raw measurements, plus every figure in `figures`).
 */

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

export interface Target {
  /** `at most` (≤) or `at least` (≥) `value`. */
  comparison: '≤' | '≥';
  value: number;
}

export const atMost = (value: number): Target => ({ comparison: '≤', value });
export const atLeast = (value: number): Target => ({ comparison: '≥', value });

export interface Figure {
  /** The section it belongs to ("First token row"). */
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** Absent where there is no target. */
  met?: boolean;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function withUnit(value: number, unit: string): string {
  if (unit === '×') return `×${numberFormat.format(value)}`;
  return unit === '' ? numberFormat.format(value) : `${numberFormat.format(value)} ${unit}`;
}

const isMet = (value: number, target: Target) => (target.comparison === '≤' ? value <= target.value : value >= target.value);

/**
 * Every figure the bench reports, in the order measured. Sections add theirs through {@link Report.add}; the API
 * load (bench/apiLoad.ts) and Lighthouse (bench/lighthouse.ts) do too, in their own sections.
 */
export class Report {
  readonly figures: Figure[] = [];
  /** The raw measurements of each section, as measured, for bench/results.json. */
  readonly sections: Record<string, unknown> = {};
  /** Lines printed under a section's figures (what a table of figures cannot say: a file list, failed audits). */
  private readonly notes = new Map<string, string[]>();

  add(section: string, name: string, value: number, unit: string, target?: Target): Figure {
    const figure: Figure = { section, name, value, unit, ...(target && { target, met: isMet(value, target) }) };
    this.figures.push(figure);
    return figure;
  }

  note(section: string, line: string): void {
    this.notes.set(section, [...(this.notes.get(section) ?? []), line]);
  }

  /** The figures as lines, each beside its target: `  first row, 1,000 tokens ÷ 10   ×1.21   target ≤ ×1.5   met`. */
  lines(): string[] {
    const sections = [...new Set([...this.figures.map((figure) => figure.section), ...this.notes.keys()])];
    const nameWidth = Math.max(0, ...this.figures.map((figure) => figure.name.length));
    const valueWidth = Math.max(0, ...this.figures.map((figure) => withUnit(figure.value, figure.unit).length));
    const lines: string[] = ['', '=== benchmark'];
    for (const section of sections) {
      lines.push('', `${section}:`);
      for (const figure of this.figures.filter((candidate) => candidate.section === section)) {
        const target = figure.target
          ? `target ${figure.target.comparison} ${withUnit(figure.target.value, figure.unit)}`.padEnd(22) + (figure.met ? 'met' : 'MISSED')
          : 'no target';
        lines.push(`  ${figure.name.padEnd(nameWidth)}  ${withUnit(figure.value, figure.unit).padStart(valueWidth)}   ${target}`);
      }
      for (const note of this.notes.get(section) ?? []) lines.push(`    ${note}`);
    }
    const missed = this.figures.filter((figure) => figure.met === false);
    lines.push('', missed.length === 0 ? 'Every target met.' : `${missed.length} target(s) missed: ${missed.map((figure) => figure.name).join('; ')}`);
    return lines;
  }

  write(file = RESULTS_FILE): void {
    mkdirSync(dirname(file), { recursive: true });
    const results = { date: new Date().toISOString(), ...this.sections, figures: this.figures };
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  }
}
