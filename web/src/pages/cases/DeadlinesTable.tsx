import { Table, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Deadline } from '../../api/cases.js';
import { DeadlineTag } from '../../cases/DeadlineTag.js';
import { CLOCK_LABELS, LIMIT_LABELS, PARTY_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';

const CLOCK_COLORS: Record<Deadline['clock'], string> = {
  not_started: 'default',
  running: 'processing',
  paused: 'warning',
  done: 'default',
};

/** Each time limit: who must act, the due date and its state, working days used and left, the clock. */
export function DeadlinesTable({ deadlines }: { deadlines: Deadline[] }) {
  const { t, num, date, label } = useI18n();
  const unit = (d: Deadline) => (d.unit === 'working_days' ? t.unitWorkingDays : t.unitDays);
  return (
    <Table<Deadline>
      size="small"
      rowKey="limit"
      pagination={false}
      dataSource={deadlines}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t.empty }}
      onRow={(d) => ({ 'data-testid': 'deadline-row', 'data-limit': d.limit }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t.limit, dataIndex: 'limit', render: (_, d) => label(LIMIT_LABELS, d.limit) },
        { title: t.party, dataIndex: 'party', render: (_, d) => label(PARTY_LABELS, d.party) },
        {
          title: t.dueDate,
          dataIndex: 'due',
          render: (_, d) => (
            <>
              <DeadlineTag due={d.due} status={d.clock === 'not_started' ? null : d.status} />
              {d.provisional && (
                <Tooltip title={t.provisionalHint}>
                  <Tag color="purple" data-testid="provisional">
                    {t.provisional}
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        {
          title: t.used,
          dataIndex: 'used',
          render: (_, d) => (
            <span data-testid="deadline-used">
              {num(d.used)} / {num(d.allowed)} {unit(d)}
            </span>
          ),
        },
        {
          title: t.left,
          dataIndex: 'left',
          render: (_, d) => (
            <span data-testid="deadline-left">
              {num(d.left)} {unit(d)}
            </span>
          ),
        },
        {
          title: t.clock,
          dataIndex: 'clock',
          render: (_, d) => (
            <Tag color={CLOCK_COLORS[d.clock]} data-testid="deadline-clock" data-clock={d.clock}>
              {label(CLOCK_LABELS, d.clock)}
            </Tag>
          ),
        },
        {
          title: t.onTime,
          dataIndex: 'onTime',
          render: (_, d) =>
            d.onTime === null
              ? '–'
              : d.onTime
                ? `${t.onTime} (${date(d.doneOn)})`
                : `${t.late} (${date(d.doneOn)})`,
        },
      ]}
    />
  );
}
