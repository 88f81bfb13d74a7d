import { useI18n } from '../lang.js';

/** A year-on-year change with its arrow (red up, green down, as Chinese statistics show them). */
export function Yoy({ value }: { value: number | null | undefined }) {
  const { t, change } = useI18n();
  if (value === null || value === undefined) return <span className="muted">{t.noYoy}</span>;
  const cls = value > 0 ? 'up' : value < 0 ? 'down' : 'muted';
  return (
    <span className={cls}>
      {value > 0 ? '▲' : value < 0 ? '▼' : ''} {change(value)}
    </span>
  );
}
