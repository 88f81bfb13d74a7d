import { Select } from 'antd';
import { useI18n } from '../lang.js';
import { useRegions } from '../regions.js';

/** A province or city of the central region, by name, giving its GB/T 2260 code. */
export function RegionPicker({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange?: (code: string) => void;
  testId?: string;
}) {
  const { lang } = useI18n();
  const regions = useRegions('central');
  const name = (n: { name: string; nameEn: string | null }) =>
    lang === 'en' ? (n.nameEn ?? n.name) : n.name;
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      loading={regions.loading}
      data-testid={testId}
      options={regions.provinces.map((p) => ({
        label: name(p),
        title: p.code,
        options: [p, ...(p.children ?? [])].map((r) => ({ value: r.code, label: `${name(r)} ${r.code}` })),
      }))}
    />
  );
}
