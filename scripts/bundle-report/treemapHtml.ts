/**
 * A self-contained HTML treemap of the bundle: chunks, inside them the packages, inside those the modules, each
 * with an area by gzip size. A picker dims the chunks a screen's first load does not download.
 */
import type { BundleReport } from './bundleReportPlugin';
import type { FirstLoad } from './firstLoads';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Squarified treemap: lays `values` (largest first) out in `rect`, rows chosen to keep the cells near square. */
export function squarify(values: number[], rect: Rect): Rect[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return values.map(() => ({ ...rect, w: 0, h: 0 }));
  const scale = (rect.w * rect.h) / total;
  const areas = values.map((value) => value * scale);
  const out: Rect[] = [];
  let free = { ...rect };
  let start = 0;
  const worst = (row: number[], side: number) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return Math.max(...row.map((area) => Math.max((side * side * area) / (sum * sum), (sum * sum) / (side * side * area))));
  };
  while (start < areas.length) {
    const side = Math.min(free.w, free.h);
    let end = start + 1;
    while (end < areas.length && worst(areas.slice(start, end + 1), side) <= worst(areas.slice(start, end), side)) end++;
    const row = areas.slice(start, end);
    const sum = row.reduce((a, b) => a + b, 0);
    const horizontal = free.w >= free.h;
    const thickness = sum / (horizontal ? free.h : free.w) || 0;
    let offset = 0;
    for (const area of row) {
      const length = area / (thickness || 1);
      out.push(
        horizontal
          ? { x: free.x, y: free.y + offset, w: thickness, h: length }
          : { x: free.x + offset, y: free.y, w: length, h: thickness },
      );
      offset += length;
    }
    free = horizontal
      ? { x: free.x + thickness, y: free.y, w: free.w - thickness, h: free.h }
      : { x: free.x, y: free.y + thickness, w: free.w, h: free.h - thickness };
    start = end;
  }
  return out;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function colorOf(source: string): string {
  let hash = 0;
  for (const c of source) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return source === 'app' ? 'hsl(210 60% 78%)' : `hsl(${hash % 360} 55% 75%)`;
}

const box = (r: Rect) => `left:${r.x.toFixed(1)}px;top:${r.y.toFixed(1)}px;width:${Math.max(0, r.w).toFixed(1)}px;height:${Math.max(0, r.h).toFixed(1)}px`;

export function treemapHtml(report: BundleReport, loads: FirstLoad[], width = 1600, height = 1000): string {
  const cells: string[] = [];
  const chunkRects = squarify(report.chunks.map((chunk) => chunk.gzip), { x: 0, y: 0, w: width, h: height });
  report.chunks.forEach((chunk, i) => {
    const r = chunkRects[i]!;
    const screens = loads.flatMap((load, index) => (load.files.some((file) => file.file === chunk.file) ? [`s${index}`] : []));
    cells.push(`<div class="chunk ${screens.join(' ')}" style="${box(r)}" title="${escape(`${chunk.file} ${kb(chunk.gzip)} gzip`)}">`);
    const inner = { x: 2, y: 16, w: r.w - 4, h: r.h - 18 };
    cells.push(`<span class="label">${escape(chunk.file)} ${kb(chunk.gzip)}</span>`);
    const sources = new Map<string, typeof chunk.modules>();
    for (const module of chunk.modules) sources.set(module.source, [...(sources.get(module.source) ?? []), module]);
    const groups = [...sources].map(([source, modules]) => ({ source, modules, gzip: modules.reduce((s, m) => s + m.gzip, 0) }));
    groups.sort((a, b) => b.gzip - a.gzip);
    const groupRects = inner.w > 4 && inner.h > 4 ? squarify(groups.map((g) => g.gzip), inner) : [];
    groups.forEach((group, g) => {
      const gr = groupRects[g];
      if (!gr) return;
      const moduleRects = squarify(group.modules.map((m) => m.gzip), { x: 0, y: 0, w: gr.w, h: gr.h });
      cells.push(`<div class="group" style="${box(gr)};background:${colorOf(group.source)}">`);
      group.modules.forEach((module, m) => {
        const mr = moduleRects[m]!;
        const name = module.id.split('/').pop()!;
        const label = mr.w > 60 && mr.h > 14 ? `<span>${escape(name)}</span>` : '';
        cells.push(`<div class="module" style="${box(mr)}" title="${escape(`${module.id}\n${group.source}\n${kb(module.gzip)} gzip (${kb(module.bytes)} minified)`)}">${label}</div>`);
      });
      cells.push('</div>');
    });
    cells.push('</div>');
  });
  const options = loads.map((load, i) => `<option value="s${i}">${escape(load.screen)}: ${kb(load.gzip)}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bundle treemap</title>
<style>
body{font:12px system-ui,sans-serif;margin:12px}
#map{position:relative;width:${width}px;height:${height}px}
.chunk{position:absolute;box-sizing:border-box;border:1px solid #333;background:#eee;overflow:hidden}
.chunk.dim{opacity:.25}
.label{position:absolute;left:3px;top:1px;font-weight:600;white-space:nowrap}
.group,.module{position:absolute;box-sizing:border-box;overflow:hidden}
.module{border:1px solid rgb(0 0 0/.15)}
.module span{padding:1px 2px;white-space:nowrap}
</style></head><body>
<h1>Bundle treemap (gzip)</h1>
<label>First load of <select id="screen"><option value="">every chunk</option>${options}</select></label>
<div id="map">${cells.join('')}</div>
<script>
document.getElementById('screen').addEventListener('change', (event) => {
  const screen = event.target.value;
  for (const chunk of document.querySelectorAll('.chunk')) chunk.classList.toggle('dim', !!screen && !chunk.classList.contains(screen));
});
</script>
</body></html>
`;
}
