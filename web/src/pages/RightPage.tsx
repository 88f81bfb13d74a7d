import { Card, Descriptions, Empty, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { Holder, RightDetail } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useI18n } from '../lang.js';
import { Classifications } from './right/Classifications.js';
import { EventTimeline } from './right/EventTimeline.js';

/** One right: its numbers, dates, title, classifications, holders, legal-status timeline and validity. */
export default function RightPage() {
  const { id } = useParams();
  const { t, kind, date, holderType, name } = useI18n();
  const valid = !!id && /^\d+$/.test(id);
  const { data, error, loading } = useApi<RightDetail>(valid ? `/api/rights/${id}` : null);
  if (!valid) return <ErrorNotice error={new Error(`"${id ?? ''}" ${t.badRightId}`)} />;
  if (error) return <ErrorNotice error={error} />;
  if (loading || !data) return <Spin description={t.loading} className="page-spin" />;

  const status = data.status;
  return (
    <div data-testid="right-page" className="right-page">
      <Typography.Title level={3} className="wrap-anywhere">
        {data.title ?? data.applicationNumber}
      </Typography.Title>
      <div className="toolbar">
        <Tag color="blue">{kind(data.kind)}</Tag>
        {status && (
          <Tag color={status.inForce ? 'green' : 'default'} data-testid="right-status">
            {status.inForce ? t.inForce : t.notInForce} ({t.asOf} {date(data.asOf)})
          </Tag>
        )}
        {status && <span className="muted">{status.reason}</span>}
      </div>
      <div className="panels">
        <Card size="small" title={t.rightTitle}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'app', label: t.applicationNumber, children: data.applicationNumber },
              { key: 'pub', label: t.publicationNumber, children: data.publicationNumber ?? '–' },
              { key: 'grant', label: t.grantNumber, children: data.grantNumber ?? '–' },
              { key: 'office', label: t.office, children: data.office },
              { key: 'filing', label: t.filingDate, children: date(data.filingDate) },
              { key: 'pubDate', label: t.publicationDate, children: date(data.publicationDate) },
              { key: 'grantDate', label: t.grantDate, children: date(data.grantDate) },
              { key: 'termEnd', label: t.termEnd, children: date(data.validity?.termEnd) },
            ]}
          />
          {data.abstract && (
            <>
              <Typography.Title level={5}>{t.abstract}</Typography.Title>
              <Typography.Paragraph>{data.abstract}</Typography.Paragraph>
            </>
          )}
        </Card>
        <Card size="small" title={t.classifications}>
          <Classifications right={data} />
        </Card>
        <Card size="small" title={t.holders}>
          <Table<Holder>
            size="small"
            rowKey={(h) => h.name}
            pagination={false}
            dataSource={data.holders}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t.colHolder, dataIndex: 'name' },
              { title: t.colHolderType, dataIndex: 'type', render: (_, h) => holderType(h.type) },
              {
                title: t.holderRegion,
                dataIndex: 'regionCode',
                render: (_, h) => name(h.regionName) ?? h.regionCode ?? '–',
              },
              { title: t.country, dataIndex: 'country', render: (_, h) => h.country ?? '–' },
            ]}
          />
        </Card>
        <Card size="small" title={t.validity} data-testid="validity">
          {data.validity?.intervals.length ? (
            <ul>
              {data.validity.intervals.map((v) => (
                <li key={v.from}>
                  {date(v.from)} — {v.to ? date(v.to) : t.until}
                </li>
              ))}
            </ul>
          ) : (
            <Empty description={t.noIntervals} />
          )}
        </Card>
      </div>
      <Card size="small" title={t.timeline} style={{ marginTop: 12 }} data-testid="timeline">
        <EventTimeline events={data.events} />
      </Card>
      <p className="no-print" style={{ marginTop: 16 }}>
        <Link to="/search">← {t.navSearch}</Link>
      </p>
    </div>
  );
}
