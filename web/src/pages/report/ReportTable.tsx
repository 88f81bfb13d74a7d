import { Card, Table } from 'antd';
import type { ReportRow, ReportSection } from '../../api/types.js';
import { Yoy } from '../../components/Yoy.js';
import { useI18n } from '../../lang.js';

function SectionCard({ section, children }: { section: ReportSection<unknown>; children: React.ReactNode }) {
  const { lang } = useI18n();
  return (
    <section style={{ marginBottom: 12 }}>
      <Card size="small" title={lang === 'en' ? section.title.en : section.title.zh}>
        <p className="definition">{section.definition}</p>
        {children}
      </Card>
    </section>
  );
}

/** Provinces, top cities or pilot-zone cities: inventions, per 10,000 people and trademarks, each with YoY. */
export function ReportTable({ section }: { section: ReportSection<ReportRow> }) {
  const { t, num, lang } = useI18n();
  return (
    <SectionCard section={section}>
      <Table<ReportRow>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={section.rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t.colRegion,
            dataIndex: 'name',
            render: (_, r) => (lang === 'en' ? (r.name.en ?? r.name.zh) : r.name.zh),
          },
          {
            title: t.kpiInvention,
            dataIndex: 'inventions',
            align: 'right',
            render: (_, r) => num(r.inventions),
          },
          {
            title: t.yoy,
            dataIndex: 'inventionsYoy',
            align: 'right',
            render: (_, r) => <Yoy value={r.inventionsYoy} />,
          },
          { title: t.per10k, dataIndex: 'per10k', align: 'right', render: (_, r) => num(r.per10k, 2) },
          {
            title: t.kpiTrademark,
            dataIndex: 'trademarks',
            align: 'right',
            render: (_, r) => num(r.trademarks),
          },
          {
            title: t.yoy,
            dataIndex: 'trademarksYoy',
            align: 'right',
            render: (_, r) => <Yoy value={r.trademarksYoy} />,
          },
        ]}
      />
    </SectionCard>
  );
}

interface ShareRow {
  key: string;
  name: string;
  value: number;
  share: number | null;
  yoy: number | null;
}

/** Holder types or industries: a count, its share where it has one, and its YoY. */
export function ReportSectionTable({
  section,
  rows,
  nameTitle,
}: {
  section: ReportSection<unknown>;
  rows: ShareRow[];
  nameTitle: string;
}) {
  const { t, num } = useI18n();
  const hasShare = rows.some((r) => r.share !== null);
  return (
    <SectionCard section={section}>
      <Table<ShareRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: nameTitle, dataIndex: 'name' },
          { title: t.value, dataIndex: 'value', align: 'right', render: (_, r) => num(r.value) },
          ...(hasShare
            ? [
                {
                  title: t.share,
                  dataIndex: 'share',
                  align: 'right' as const,
                  render: (_: unknown, r: ShareRow) => (r.share === null ? '–' : `${num(r.share * 100, 1)}%`),
                },
              ]
            : []),
          { title: t.yoy, dataIndex: 'yoy', align: 'right', render: (_, r) => <Yoy value={r.yoy} /> },
        ]}
      />
    </SectionCard>
  );
}
