import { Alert, Button, Card, Space, Switch } from 'antd';
import { useState } from 'react';
import type { AuditVerification } from '../../api/cases.js';
import { ApiError, getFresh, sendJson } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../lang.js';
import { useWrite } from '../cases/useWrite.js';

/** The public-statistics switch, and a check of the audit trail's hash chain. */
export function SettingsAdmin() {
  const { t, num } = useI18n();
  const [reload, setReload] = useState(0);
  const setting = useApi<{ enabled: boolean }>(
    '/api/settings/public-statistics',
    {},
    { fresh: true, reload },
  );
  const write = useWrite();
  const [audit, setAudit] = useState<AuditVerification | ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const verify = async () => {
    setChecking(true);
    try {
      setAudit(await getFresh<AuditVerification>('/api/audit/verify'));
    } catch (e) {
      setAudit(e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'));
    } finally {
      setChecking(false);
    }
  };
  return (
    <div className="panels" data-testid="settings-admin">
      <Card size="small" title={t.publicStatistics}>
        {setting.error ? (
          <ErrorNotice error={setting.error} />
        ) : (
          <Space orientation="vertical">
            <Switch
              checked={setting.data?.enabled ?? false}
              loading={setting.loading || write.busy}
              data-testid="public-statistics"
              onChange={(enabled) =>
                void write.run(
                  () => sendJson('PUT', '/api/settings/public-statistics', { enabled }),
                  () => setReload((n) => n + 1),
                )
              }
            />
            <span className="muted">{t.publicStatisticsHint}</span>
          </Space>
        )}
        {write.error && <ErrorNotice error={write.error} />}
      </Card>
      <Card size="small" title={t.auditVerify}>
        <Button onClick={() => void verify()} loading={checking} data-testid="audit-verify">
          {t.auditVerify}
        </Button>
        {audit instanceof ApiError && <ErrorNotice error={audit} />}
        {audit && !(audit instanceof ApiError) && (
          <Alert
            style={{ marginTop: 12 }}
            type={audit.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-result"
            data-ok={String(audit.ok)}
            title={`${audit.ok ? t.auditOk : t.auditBroken}: ${num(audit.entries)} ${t.entries}`}
            description={
              audit.firstBad
                ? `#${audit.firstBad.seq}: ${audit.firstBad.reason}`
                : audit.head && <span className="mono wrap-anywhere">{audit.head.hash}</span>
            }
          />
        )}
      </Card>
    </div>
  );
}
