import { Card, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lang.js';
import { ErrorNotice } from './ErrorNotice.js';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  loading?: boolean;
  error?: Error | undefined;
  empty?: boolean;
  testId?: string;
  children?: ReactNode;
}

/** A titled card that shows, in this order: the error in words, a spinner, "no data", or its content. */
export function Panel({ title, extra, loading, error, empty, testId, children }: Props) {
  const { t } = useI18n();
  let body: ReactNode = children;
  if (error) body = <ErrorNotice error={error} />;
  else if (loading)
    body = (
      <div className="panel-state">
        <Spin description={t.loading} />
      </div>
    );
  else if (empty)
    body = (
      <div className="panel-state">
        <Empty description={t.empty} />
      </div>
    );
  return (
    <Card title={title} extra={extra} size="small" className="panel" data-testid={testId}>
      {body}
    </Card>
  );
}
