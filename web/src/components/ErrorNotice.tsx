import { Alert } from 'antd';
import type { ApiError } from '../api/client.js';
import { useI18n } from '../lang.js';

/** An API error in words: the problem's detail, never a blank page. */
export function ErrorNotice({ error }: { error: ApiError | Error }) {
  const { t } = useI18n();
  const code = 'code' in error && error.code ? ` (${error.code})` : '';
  return (
    <Alert type="error" showIcon title={t.errorTitle} description={`${error.message}${code}`} role="alert" />
  );
}
