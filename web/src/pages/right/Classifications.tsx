import { Tag } from 'antd';
import { Link } from 'react-router';
import type { RightDetail } from '../../api/types.js';
import { useI18n } from '../../lang.js';

/** IPC codes (each a search for its subclass), Locarno classes and Nice classes. */
export function Classifications({ right }: { right: RightDetail }) {
  const { t } = useI18n();
  const groups = [
    { label: t.ipc, codes: right.ipc ?? [], link: true },
    { label: t.locarno, codes: right.locarno ?? [], link: false },
    { label: t.nice, codes: (right.nice ?? []).map(String), link: false },
  ].filter((g) => g.codes.length > 0);
  if (!groups.length) return <span className="muted">–</span>;
  return (
    <dl className="classifications">
      {groups.map((g) => (
        <div key={g.label}>
          <dt>{g.label}</dt>
          <dd>
            {g.codes.map((c) => (
              <Tag key={c}>
                {g.link ? <Link to={`/search?ipc=${encodeURIComponent(c.slice(0, 4))}`}>{c}</Link> : c}
              </Tag>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
