import { Tag } from 'antd';
import type { DeadlineStatus } from '../api/cases.js';
import { DEADLINE_STATUS_LABELS } from '../i18n.js';
import { useI18n } from '../lang.js';

const COLORS: Record<DeadlineStatus, string> = { ok: 'green', due_soon: 'orange', overdue: 'red' };

/** A due date with its ok / due soon / overdue tag. */
export function DeadlineTag({ due, status }: { due: string | null; status: DeadlineStatus | null }) {
  const { date, label } = useI18n();
  if (!due && !status) return <span className="muted">–</span>;
  return (
    <span data-testid="deadline" data-status={status ?? ''}>
      {due ? <span style={{ marginRight: 6 }}>{date(due)}</span> : null}
      {status && <Tag color={COLORS[status]}>{label(DEADLINE_STATUS_LABELS, status)}</Tag>}
    </span>
  );
}
