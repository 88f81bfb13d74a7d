import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { KINDS, type RightSummary } from '../api/types.js';
import { usePages } from '../api/usePages.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RightsTable } from '../components/RightsTable.js';
import { useI18n } from '../lang.js';

const FIELDS = ['number', 'q', 'holder', 'ipc', 'region', 'kind', 'inForceOn'] as const;
type Field = (typeof FIELDS)[number];
type Filters = Partial<Record<Field, string>>;

const PAGE = 50;

/** Registry search: the filters live in the URL (shareable); results page by cursor and link to each right. */
export default function SearchPage() {
  const { t, kind, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const filters = useMemo(() => {
    const f: Filters = {};
    for (const k of FIELDS) {
      const v = params.get(k)?.trim();
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const searched = Object.keys(filters).length > 0;
  const query = useMemo(() => ({ ...filters, limit: PAGE }), [filters]);
  const pages = usePages<RightSummary>(searched ? '/api/rights' : null, query);

  const submit = (values: Filters) => {
    const next = new URLSearchParams();
    for (const k of FIELDS) {
      const v = values[k]?.trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  };

  return (
    <div data-testid="search-page">
      <Typography.Title level={3}>{t.searchTitle}</Typography.Title>
      <Card size="small" className="no-print" style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          layout="vertical"
          initialValues={filters}
          key={params.toString()}
          onFinish={submit}
          className="search-form"
        >
          <Form.Item name="number" label={t.fNumber}>
            <Input allowClear data-testid="f-number" />
          </Form.Item>
          <Form.Item name="q" label={t.fTitle}>
            <Input allowClear data-testid="f-title" />
          </Form.Item>
          <Form.Item name="holder" label={t.fHolder}>
            <Input allowClear data-testid="f-holder" />
          </Form.Item>
          <Form.Item name="ipc" label={t.fIpc}>
            <Input allowClear placeholder="H04L" />
          </Form.Item>
          <Form.Item name="region" label={t.fRegion}>
            <Input allowClear placeholder="420100" />
          </Form.Item>
          <Form.Item name="kind" label={t.fKind}>
            <Select
              allowClear
              placeholder={t.anyKind}
              options={KINDS.map((k) => ({ value: k, label: kind(k) }))}
            />
          </Form.Item>
          <Form.Item name="inForceOn" label={t.fInForceOn}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label=" ">
            <div className="toolbar" style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" data-testid="search-submit">
                {t.search}
              </Button>
              <Button onClick={() => setParams(new URLSearchParams())}>{t.reset}</Button>
            </div>
          </Form.Item>
        </Form>
      </Card>
      {searched &&
        (pages.error ? (
          <ErrorNotice error={pages.error} />
        ) : (
          <RightsTable<RightSummary>
            testId="search-results"
            rows={pages.rows}
            loading={pages.loading}
            hasMore={pages.hasMore}
            onMore={pages.more}
            extraColumns={[
              {
                title: t.colFiling,
                dataIndex: 'filingDate',
                render: (_, r) => date(r.filingDate),
                responsive: ['md'],
              },
              {
                title: t.colGrant,
                dataIndex: 'grantDate',
                render: (_, r) => date(r.grantDate),
                responsive: ['md'],
              },
            ]}
          />
        ))}
    </div>
  );
}
