import { Button, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DrillItem } from '../api/types.js';
import { useI18n } from '../lang.js';

interface Props<T extends DrillItem> {
  rows: T[];
  loading: boolean;
  hasMore: boolean;
  onMore(): void;
  extraColumns?: TableColumnsType<T>;
  testId: string;
}

/** Rights a page at a time, each number linking to the right's page; "load more" follows the cursor. */
export function RightsTable<T extends DrillItem>({
  rows,
  loading,
  hasMore,
  onMore,
  extraColumns,
  testId,
}: Props<T>) {
  const { t, kind, holderType, name } = useI18n();
  const columns: TableColumnsType<T> = [
    {
      title: t.colNumber,
      dataIndex: 'number',
      render: (_, r) => (
        <Link to={`/rights/${r.id}`} data-testid="right-link">
          {r.number}
        </Link>
      ),
    },
    { title: t.colKind, dataIndex: 'kind', render: (_, r) => kind(r.kind), responsive: ['md'] },
    { title: t.colTitle, dataIndex: 'title', render: (_, r) => r.title ?? '–' },
    { title: t.colHolder, dataIndex: 'holder', render: (_, r) => r.holder ?? '–' },
    {
      title: t.colHolderType,
      dataIndex: 'holderType',
      render: (_, r) => holderType(r.holderType),
      responsive: ['lg'],
    },
    {
      title: t.colRegion,
      dataIndex: 'regionName',
      render: (_, r) => name(r.regionName) ?? r.region,
      responsive: ['md'],
    },
    ...(extraColumns ?? []),
  ];
  return (
    <>
      <Table<T>
        data-testid={testId}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noResults }}
      />
      {hasMore && (
        <Button block onClick={onMore} loading={loading} style={{ marginTop: 12 }} data-testid="load-more">
          {t.loadMore}
        </Button>
      )}
    </>
  );
}
