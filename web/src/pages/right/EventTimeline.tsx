import { Empty, Tag, Timeline } from 'antd';
import type { LegalEvent } from '../../api/types.js';
import { useI18n } from '../../lang.js';

const ENDINGS = new Set([
  'lapse',
  'expiry',
  'invalidation',
  'surrender',
  'withdrawal',
  'refusal',
  'cessation',
]);
const STARTS = new Set(['grant', 'restoration', 'renewal']);

function colour(type: string): string {
  if (ENDINGS.has(type)) return 'red';
  if (STARTS.has(type)) return 'green';
  return 'blue';
}

/** The legal-status events in order of effect, each with its recorded date and the office's own code. */
export function EventTimeline({ events }: { events: LegalEvent[] }) {
  const { t, date, event } = useI18n();
  if (!events.length) return <Empty description={t.empty} />;
  const ordered = [...events].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.recordedDate.localeCompare(b.recordedDate),
  );
  return (
    <Timeline
      data-testid="timeline-events"
      items={ordered.map((e, i) => ({
        key: `${i}-${e.type}-${e.effectiveDate}`,
        color: colour(e.type),
        title: date(e.effectiveDate),
        content: (
          <div className="timeline-event" data-testid="timeline-event">
            <strong>{event(e.type)}</strong>
            {e.code && (
              <Tag style={{ marginInlineStart: 8 }}>
                {e.office ? `${e.office} ` : ''}
                {e.code}
              </Tag>
            )}
            <div className="muted">
              {t.effective} {date(e.effectiveDate)} · {t.recorded} {date(e.recordedDate)}
            </div>
            {e.description && <div>{e.description}</div>}
            {e.newHolders?.length ? (
              <div>
                {t.newHolders}: {e.newHolders.map((h) => h.name).join('；')}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
