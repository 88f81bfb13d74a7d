import { Button, Empty, Input, Space } from 'antd';
import { useState } from 'react';
import type { CaseAction, CaseView } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { useI18n } from '../../lang.js';
import type { Write } from './useWrite.js';

// Actions that end or turn down the request: shown as danger buttons.
const NEGATIVE = new Set([
  'reject',
  'fail',
  'dismiss',
  'withdraw',
  'abandon',
  'lapse',
  'record_refusal',
  'record_no_agreement',
]);

/**
 * The actions the caller may take now (the API's `actions`), each a button; the chosen one asks
 * for an optional note and is sent with the version of the case shown, so a stale page is refused.
 */
export function CaseActions({ view, write, refresh }: { view: CaseView; write: Write; refresh(): void }) {
  const { t, caseAction, caseState } = useI18n();
  const [chosen, setChosen] = useState<CaseAction | null>(null);
  const [note, setNote] = useState('');
  if (!view.actions.length) return <Empty description={t.noActions} />;
  const send = async (a: CaseAction) => {
    const ok = await write.run(
      () =>
        sendJson('POST', `/api/cases/${encodeURIComponent(view.case.id)}/actions`, {
          action: a.action,
          ...(note.trim() ? { note: note.trim() } : {}),
          version: view.case.version,
        }),
      refresh,
    );
    if (ok) {
      setChosen(null);
      setNote('');
    }
  };
  return (
    <div>
      <Space wrap>
        {view.actions.map((a) => (
          <Button
            key={a.action}
            danger={NEGATIVE.has(a.action)}
            type={chosen?.action === a.action ? 'primary' : 'default'}
            onClick={() => setChosen(a)}
            data-testid={`action-${a.action}`}
            title={caseState(a.to)}
          >
            {caseAction(a.action)}
          </Button>
        ))}
      </Space>
      {chosen && (
        <div style={{ marginTop: 12 }} data-testid="action-form">
          <p>
            <strong>{caseAction(chosen.action)}</strong> → {caseState(chosen.to)}
          </p>
          <Input.TextArea
            rows={3}
            placeholder={t.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            data-testid="action-note"
          />
          <Space style={{ marginTop: 8 }}>
            <Button
              type="primary"
              danger={NEGATIVE.has(chosen.action)}
              loading={write.busy}
              onClick={() => void send(chosen)}
              data-testid="action-confirm"
            >
              {t.confirm}
            </Button>
            <Button onClick={() => setChosen(null)}>{t.cancel}</Button>
          </Space>
        </div>
      )}
    </div>
  );
}
