import type { RegionalReport, ReportFigure, ReportRow } from './report.js';

/** Markdown and HTML renderings of the regional report; JSON is the report object itself. */
const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const dec = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

export type IndustryName = (id: string) => { zh: string; en: string } | null;

function headlineSentence(r: RegionalReport): string {
  const inv = r.headline[0]!;
  const tm = r.headline[1]!;
  return `As of ${r.asOf}, valid invention patents in ${r.regionName.en} reached ${n(inv.value)}, ${pct(inv.yoy)} year on year; valid registered trademarks reached ${n(tm.value)}, ${pct(tm.yoy)}.`;
}

function rowCells(row: ReportRow): string[] {
  return [
    `${row.name.zh}${row.name.en ? ` ${row.name.en}` : ''}`,
    n(row.inventions),
    pct(row.inventionsYoy),
    dec(row.per10k),
    n(row.trademarks),
    pct(row.trademarksYoy),
  ];
}

const ROW_HEAD = ['region', 'valid inventions', 'YoY', 'per 10k people', 'valid trademarks', 'YoY'];

function mdTable(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function reportMarkdown(r: RegionalReport, industryName: IndustryName): string {
  const fig = (f: ReportFigure) => [
    `${f.label.zh} ${f.label.en}`,
    n(f.value),
    pct(f.yoy),
    f.per10k === undefined ? '' : dec(f.per10k),
    `\`${f.drill}\``,
  ];
  const out = [
    `# ${r.regionName.zh} ${r.regionName.en}: intellectual property as of ${r.asOf}`,
    '',
    `> ${headlineSentence(r)}`,
    '',
    `Data version ${r.dataVersion}${r.knownOn ? `, as the data stood on ${r.knownOn}` : ''}; generated ${r.generatedAt}.`,
    r.population
      ? `Population: ${n(r.population.value)} ×10,000 at year-end ${r.population.year} (${r.population.quality}).`
      : '',
    '',
    '## Headline figures',
    '',
    mdTable(['figure', 'value', 'YoY', 'per 10k people', 'the rights behind it'], r.headline.map(fig)),
    '',
    ...r.headline.map((f) => `- ${f.label.en}: ${f.definition}.`),
  ];
  for (const s of [r.provinces, r.topCities, r.pilotZones]) {
    out.push(
      '',
      `## ${s.title.zh} ${s.title.en}`,
      '',
      `Counts: ${s.definition}.`,
      '',
      mdTable(ROW_HEAD, s.rows.map(rowCells)),
    );
  }
  out.push(
    '',
    `## ${r.holderTypes.title.zh} ${r.holderTypes.title.en}`,
    '',
    `Counts: ${r.holderTypes.definition}.`,
    '',
    mdTable(
      ['holder type', 'valid inventions', 'share', 'YoY'],
      r.holderTypes.rows.map((h) => [
        `${h.label.zh} ${h.label.en}`,
        n(h.value),
        `${(h.share * 100).toFixed(1)}%`,
        pct(h.yoy),
      ]),
    ),
    '',
    `## ${r.industries.title.zh} ${r.industries.title.en}`,
    '',
    `Counts: ${r.industries.definition}.`,
    '',
    r.industries.rows.length === 0
      ? '(no industry classification in this data)'
      : mdTable(
          ['industry', 'valid inventions', 'YoY', 'the rights behind it'],
          r.industries.rows.map((i) => {
            const name = industryName(i.industry);
            return [name ? `${name.zh} ${name.en}` : i.industry, n(i.value), pct(i.yoy), `\`${i.drill}\``];
          }),
        ),
    '',
  );
  return out.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart as inline SVG: prints as it shows, needs no script. */
function bars(items: Array<{ label: string; value: number }>, title: string): string {
  if (items.length === 0) return '';
  const max = Math.max(...items.map((i) => i.value), 1);
  const rowH = 22;
  const w = 640;
  const labelW = 200;
  const rows = items
    .map((it, i) => {
      const bw = Math.round(((w - labelW - 90) * it.value) / max);
      const y = i * rowH + 4;
      return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(it.label)}</text><rect x="${labelW}" y="${y}" width="${bw}" height="16" fill="#2f6fb3"/><text x="${labelW + bw + 6}" y="${y + 14}">${n(it.value)}</text>`;
    })
    .join('');
  return `<figure><svg role="img" aria-label="${esc(title)}" width="${w}" height="${items.length * rowH + 8}" font-size="12" font-family="sans-serif">${rows}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

function htmlTable(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function reportHtml(r: RegionalReport, industryName: IndustryName): string {
  const section = (title: { zh: string; en: string }, definition: string, body: string) =>
    `<section><h2>${esc(title.zh)} <small>${esc(title.en)}</small></h2><p class="def">Counts: ${esc(definition)}.</p>${body}</section>`;
  const rowsSection = (s: RegionalReport['provinces']) =>
    section(
      s.title,
      s.definition,
      bars(
        s.rows.map((x) => ({ label: x.name.zh, value: x.inventions })),
        `${s.title.en}: valid invention patents`,
      ) + htmlTable(ROW_HEAD, s.rows.map(rowCells)),
    );
  const cards = r.headline
    .map(
      (f) =>
        `<div class="card"><div class="label">${esc(f.label.zh)}<br><small>${esc(f.label.en)}</small></div><div class="value">${n(f.value)}</div><div class="yoy">${pct(f.yoy)} YoY${f.per10k !== undefined ? ` · ${dec(f.per10k)} per 10k people` : ''}</div><div class="def">${esc(f.definition)}</div><code>${esc(f.drill)}</code></div>`,
    )
    .join('');
  const industries = r.industries.rows.map((i) => ({
    label: industryName(i.industry)?.zh ?? i.industry,
    value: i.value,
  }));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.regionName.zh)} ${esc(r.asOf)}</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2em auto;color:#222}
h1{font-size:1.6em}h2 small,.card small{color:#666;font-weight:normal}
.lead{font-size:1.15em;border-left:4px solid #2f6fb3;padding-left:.8em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
.card{border:1px solid #ccd;border-radius:6px;padding:10px}.card .value{font-size:1.8em;font-weight:bold}
.def{color:#555;font-size:.85em}code{font-size:.75em;color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
@media print{body{margin:0;max-width:none}section{break-inside:avoid}code{display:none}}
</style></head><body>
<h1>${esc(r.regionName.zh)} 知识产权统计 <small>${esc(r.regionName.en)}, as of ${esc(r.asOf)}</small></h1>
<p class="lead">${esc(headlineSentence(r))}</p>
<p class="def">Data version ${esc(r.dataVersion)}${r.knownOn ? `, as the data stood on ${esc(r.knownOn)}` : ''}; generated ${esc(r.generatedAt)}.</p>
<div class="cards">${cards}</div>
${rowsSection(r.provinces)}
${rowsSection(r.topCities)}
${rowsSection(r.pilotZones)}
${section(
  r.holderTypes.title,
  r.holderTypes.definition,
  bars(
    r.holderTypes.rows.map((h) => ({ label: h.label.zh, value: h.value })),
    r.holderTypes.title.en,
  ) +
    htmlTable(
      ['holder type', 'valid inventions', 'share', 'YoY'],
      r.holderTypes.rows.map((h) => [
        `${h.label.zh} ${h.label.en}`,
        n(h.value),
        `${(h.share * 100).toFixed(1)}%`,
        pct(h.yoy),
      ]),
    ),
)}
${section(r.industries.title, r.industries.definition, bars(industries, r.industries.title.en) || '<p>(no industry classification in this data)</p>')}
</body></html>
`;
}
