import { Cascader, Input } from 'antd';
import { useI18n } from '../lang.js';
import type { Regions } from '../regions.js';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

interface Props {
  root: string;
  region: string;
  date: string;
  regions: Regions;
  onChange(patch: { region?: string; date?: string }): void;
}

/** The path of codes from the root to a region, as the cascader wants its value. */
function pathTo(root: string, region: string): string[] {
  if (region === root) return [root];
  if (region.length === 2) return [root, region];
  return [root, region.slice(0, 2), region];
}

/** The region (the root region, a province or a city) and the date the dashboard is for. */
export function Filters({ root, region, date, regions, onChange }: Props) {
  const { t, lang } = useI18n();
  const name = (n: { name: string; nameEn: string | null }) =>
    lang === 'en' ? (n.nameEn ?? n.name) : n.name;
  const options: Option[] = [
    {
      value: root,
      label: root === 'central' ? t.centralRegion : root,
      children: regions.provinces.map((p) => ({
        value: p.code,
        label: name(p),
        children: (p.children ?? [])
          .filter((c) => c.level === 'city')
          .map((c) => ({ value: c.code, label: name(c) })),
      })),
    },
  ];
  return (
    <div className="toolbar no-print">
      <div className="field">
        <span>{t.region}</span>
        <Cascader<Option>
          data-testid="region-select"
          aria-label={t.region}
          options={options}
          value={pathTo(root, region)}
          changeOnSelect
          allowClear={false}
          loading={regions.loading}
          style={{ minWidth: 220 }}
          displayRender={(labels) => labels[labels.length - 1]}
          onChange={(path) => {
            const code = path?.[path.length - 1];
            if (code) onChange({ region: String(code) });
          }}
        />
      </div>
      <div className="field">
        <span>{t.date}</span>
        <Input
          type="date"
          data-testid="date-input"
          aria-label={t.date}
          value={date}
          style={{ width: 170 }}
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange({ date: e.target.value });
          }}
        />
      </div>
    </div>
  );
}
