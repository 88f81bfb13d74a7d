import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Typography } from 'antd';
import { useMemo } from 'react';
import { apiUrl } from '../api/client.js';
import type { DrillItem } from '../api/types.js';
import { usePages } from '../api/usePages.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RightsTable } from '../components/RightsTable.js';
import { useI18n } from '../lang.js';
import type { DrillSpec } from './model.js';

const PAGE = 50;

/** The rights behind a figure: its filters as a paged table, with the same list as CSV. */
export default function DrillDrawer({ spec, onClose }: { spec: DrillSpec; onClose(): void }) {
  const { t, num, date } = useI18n();
  const params = useMemo(() => ({ ...spec.filters, limit: PAGE }), [spec.filters]);
  const pages = usePages<DrillItem>('/api/stats/drill', params);
  const width = typeof window === 'undefined' ? 880 : Math.min(880, window.innerWidth);
  const csv = apiUrl('/api/stats/drill.csv', { ...spec.filters });
  return (
    <Drawer
      open
      onClose={onClose}
      size={width}
      title={`${spec.title} · ${t.drillTitle}`}
      data-testid="drill"
      extra={
        <Button href={csv} icon={<DownloadOutlined />} download data-testid="drill-csv">
          {t.exportCsv}
        </Button>
      }
    >
      <Typography.Paragraph className="muted" data-testid="drill-count">
        {t.asOf} {date(spec.filters.date)} · {t.shown}{' '}
        <span data-testid="drill-shown">{pages.rows.length}</span>
        {spec.total !== null && (
          <>
            {' '}
            / {t.of} <span data-testid="drill-total">{num(spec.total)}</span> {t.items}
          </>
        )}
      </Typography.Paragraph>
      {pages.error ? (
        <ErrorNotice error={pages.error} />
      ) : (
        <RightsTable
          testId="drill-table"
          rows={pages.rows}
          loading={pages.loading}
          hasMore={pages.hasMore}
          onMore={pages.more}
        />
      )}
    </Drawer>
  );
}
