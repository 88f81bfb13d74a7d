import { Alert, Button, Card, Descriptions, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseView, caseFields, historyStates } from '../../api/cases.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth.js';
import { centerName } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Guard } from '../../components/Guard.js';
import { MATTER_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import { CaseActions } from './CaseActions.js';
import { DeadlinesTable } from './DeadlinesTable.js';
import { EvidencePanel } from './EvidencePanel.js';
import { OfficerTools } from './OfficerTools.js';
import { useWrite } from './useWrite.js';

/** One case: summary, rights, deadlines, actions, history and evidence. */
export default function CasePage() {
  return (
    <Guard permissions={['cases:read']}>
      <CaseScreen />
    </Guard>
  );
}

function CaseScreen() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const write = useWrite();
  const { data, error } = useApi<CaseView>(
    `/api/cases/${encodeURIComponent(id)}`,
    {},
    { fresh: true, reload },
  );
  const refresh = () => {
    write.clear();
    setReload((n) => n + 1);
  };
  if (error && !data) return <ErrorNotice error={error} />;
  if (!data) return <Spin description={t.loading} className="page-spin" />;
  return <CaseBody view={data} write={write} refresh={refresh} />;
}

function CaseBody({
  view,
  write,
  refresh,
}: {
  view: CaseView;
  write: ReturnType<typeof useWrite>;
  refresh(): void;
}) {
  const { t, lang, date, dateTime, caseType, caseState, caseAction, label } = useI18n();
  const auth = useAuth();
  const { byId } = useCenters();
  const c = view.case;
  const f = caseFields(c);
  const officerTools = auth.can('cases:write') && auth.is('officer', 'admin');
  // The API names people by user id; the signed-in user is named.
  const me = auth.user;
  const who = (actor: string) => (me && actor === `user:${me.id}` ? `${me.displayName} (${actor})` : actor);
  return (
    <div data-testid="case-page" data-version={c.version} data-state={c.state}>
      <div className="case-head">
        <Typography.Title level={3} data-testid="case-number">
          {c.number}
        </Typography.Title>
        <Tag color="blue">{caseType(c.type)}</Tag>
        <Tag color="geekblue" data-testid="case-state" data-state={c.state}>
          {caseState(c.state)}
        </Tag>
      </div>
      {write.conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="conflict"
          style={{ marginBottom: 12 }}
          title={t.conflictTitle}
          description={t.conflictDetail}
          action={
            <Button type="primary" onClick={refresh} data-testid="conflict-reload">
              {t.reload}
            </Button>
          }
        />
      )}
      {write.error && (
        <div style={{ marginBottom: 12 }} data-testid="write-error">
          <ErrorNotice error={write.error} />
        </div>
      )}
      <div className="panels">
        <Card size="small" title={t.caseSummary} data-testid="case-summary">
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(f.title ? [{ key: 'title', label: t.caseTitle, children: f.title }] : []),
              {
                key: 'center',
                label: t.center,
                children: centerName(byId.get(c.centerId), lang) || c.centerId,
              },
              {
                key: 'applicant',
                label: t.applicant,
                children: `${f.organisation}${f.creditCode ? ` (${f.creditCode})` : ''}`,
              },
              { key: 'other', label: t.otherParty, children: c.otherParty ?? '–' },
              ...(f.matter
                ? [{ key: 'matter', label: t.matter, children: label(MATTER_LABELS, f.matter) }]
                : []),
              {
                key: 'officer',
                label: t.officer,
                children: c.officerId === null ? t.unassigned : who(`user:${c.officerId}`),
              },
              { key: 'submitted', label: t.submittedAt, children: date(f.submittedAt) },
              ...(f.closedAt ? [{ key: 'closed', label: t.closedAt, children: date(f.closedAt) }] : []),
              { key: 'version', label: t.version, children: c.version },
            ]}
          />
          {f.description && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {f.description}
            </Typography.Paragraph>
          )}
        </Card>
        <Card size="small" title={t.actions} data-testid="case-actions">
          <CaseActions view={view} write={write} refresh={refresh} />
        </Card>
      </div>
      <Card size="small" title={t.deadlinesTitle} style={{ marginTop: 12 }} data-testid="case-deadlines">
        <DeadlinesTable deadlines={view.deadlines} />
      </Card>
      <div className="panels" style={{ marginTop: 12 }}>
        <Card size="small" title={t.linkedRights} data-testid="case-rights">
          {view.rights.length ? (
            <ul>
              {view.rights.map((r) => (
                <li key={r.id}>
                  <Link to={`/rights/${r.id}`} data-testid="right-link">
                    {r.number}
                  </Link>{' '}
                  {r.title}
                </li>
              ))}
            </ul>
          ) : (
            <Empty description={t.noRights} />
          )}
        </Card>
        <Card size="small" title={t.history} data-testid="case-history">
          <Timeline
            items={view.history.map((h, i) => {
              const s = historyStates(h);
              return {
                key: `${i}-${h.at}`,
                color: i === view.history.length - 1 ? 'blue' : 'gray',
                title: dateTime(h.at),
                content: (
                  <div data-testid="history-entry">
                    <strong>{caseAction(h.action)}</strong>
                    {' — '}
                    {s.from ? `${caseState(s.from)} → ` : ''}
                    {caseState(s.to)}
                    <div className="muted">
                      {t.actor}: {who(h.actor)}
                    </div>
                    {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                  </div>
                ),
              };
            })}
          />
        </Card>
      </div>
      <Card size="small" title={t.evidence} style={{ marginTop: 12 }} data-testid="case-evidence">
        <EvidencePanel caseId={c.id} evidence={view.evidence} onUploaded={refresh} />
      </Card>
      {officerTools && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="officer-tools">
          <OfficerTools view={view} write={write} refresh={refresh} />
        </Card>
      )}
      <p style={{ marginTop: 16 }}>
        <Link to="/cases">← {t.backToCases}</Link>
      </p>
    </div>
  );
}
