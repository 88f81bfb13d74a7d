/**
 * The SEI table's keyword column, read into keywords a matcher can test.
 *
 * The column is not a list of search terms: the transcriber calls it a 关键词概述 (keyword summary),
 * and most cells are the product-and-service descriptions of the statistics classification
 * ("高端路由器、单槽位处理路由器等其他计算机制造；新一代移动通信基站设备…"). A row with such a cell is
 * meant to count only the part of its IPC codes that concerns those products (3.2's H01F1* with
 * "稀土相关关键词" is rare-earth magnets, not every magnet), so ignoring the cell would be wrong;
 * requiring the whole phrase in an abstract would match nothing. ipregion takes the middle way and
 * says so in each rule's note:
 *
 * 1. `…等…相关关键词` / `…关键词` cells name terms: split on 、 等 和 (稀土相关关键词 → 稀土).
 * 2. `不包括X` / `不包含X` cells exclude: X becomes keywords that must NOT occur (table below);
 *    the rule then needs no positive keyword.
 * 3. Other cells are descriptions: split on ； 、 ， and around 等 (both the example before it and
 *    the category after it are kept), `除…以外的` qualifications dropped (a rule cannot express an
 *    exception inside one product phrase), a leading 其他 and a trailing 制造/加工/生产 removed,
 *    and terms of one character or on the generic list below dropped.
 * 4. A cell that yields no term (产品相关关键词) leaves the rule IPC-only.
 *
 * The derived terms are product phrases, so recall is modest; `loadSeiScheme({ keywords: 'ipc-only' })`
 * gives the other reading (keywords ignored) for comparison.
 */
export interface SeiKeywords {
  keywords: string[];
  excludeKeywords: string[];
  note: string;
}

/** Exclusion cells of the table, read by hand: the words a title or abstract would use. */
const EXCLUSIONS: Readonly<Record<string, string[]>> = {
  不包括航天相关设备制造: ['航天'],
  不包含非机动车: ['非机动车'],
  不包含主要依靠发动机驱动的轻混动力汽车: ['轻混', '轻度混合动力', 'mild hybrid'],
  不包括连续纤维改性的ABS: ['连续纤维'],
};

/** Words that say nothing about a technology on their own. */
const GENERIC = new Set([
  '系统',
  '装置',
  '设备',
  '方法',
  '材料',
  '技术',
  '服务',
  '产品',
  '控制',
  '管理',
  '应用',
  '平台',
  '器件',
  '仪器',
  '工艺',
  '处理',
  '利用',
  '质量',
  '安全',
  '环境',
  '生态',
  '固体',
  '气体',
  '配件',
  '危险',
  '变形',
]);

function usable(term: string): boolean {
  return term.length >= 2 && !GENERIC.has(term);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function descriptionTerms(cell: string): string[] {
  const terms: string[] = [];
  for (const piece of cell.replace(/除[^；;]*?以外的/g, '').split(/[；;、，]/)) {
    for (const part of piece.split('等')) {
      let t = part.trim().replace(/^其他/, '');
      for (let prev = ''; prev !== t; ) {
        prev = t;
        t = t.replace(/(制造|加工|生产)$/, '');
      }
      if (usable(t)) terms.push(t);
    }
  }
  return unique(terms);
}

/** Reads one SEI keyword cell (see the module comment for the four cases). */
export function seiKeywordTerms(cell: string): SeiKeywords {
  const quoted = `the table's keyword cell "${cell}"`;
  const exclusion = /^不包[括含](.+)$/.exec(cell);
  if (exclusion) {
    const excludeKeywords = EXCLUSIONS[cell] ?? descriptionTerms(exclusion[1] ?? '');
    return { keywords: [], excludeKeywords, note: `${quoted} excludes; read as text that must not occur` };
  }
  const named = /^(.*?)(?:相关)?关键词$/.exec(cell);
  const keywords = named ? unique((named[1] ?? '').split(/[、等和]/).filter(usable)) : descriptionTerms(cell);
  if (keywords.length === 0) {
    return { keywords, excludeKeywords: [], note: `${quoted} names no usable term; the rule is IPC-only` };
  }
  const how = named ? 'names these terms' : 'describes products; terms derived from it';
  return { keywords, excludeKeywords: [], note: `${quoted} ${how}` };
}

/** Several cells of one row (the file has one per row, but the format allows more). */
export function seiRowKeywords(cells: readonly string[]): SeiKeywords {
  const parts = cells.map(seiKeywordTerms);
  return {
    keywords: unique(parts.flatMap((p) => p.keywords)),
    excludeKeywords: unique(parts.flatMap((p) => p.excludeKeywords)),
    note: parts.map((p) => p.note).join('; '),
  };
}
