import { Alert, Button, Result } from 'antd';
import { Link, useLocation } from 'react-router';
import type { ApiError } from '../api/client.js';
import { useI18n } from '../lang.js';

/** "Please sign in", with a link to the sign-in page that comes back here afterwards. */
export function SignInPrompt() {
  const { t } = useI18n();
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Result
      status="403"
      title={t.pleaseSignIn}
      subTitle={t.pleaseSignInDetail}
      data-testid="sign-in-prompt"
      extra={
        <Link to={`/login?next=${next}`} data-testid="sign-in-link">
          <Button type="primary">{t.signIn}</Button>
        </Link>
      }
    />
  );
}

/** An API error in words: the problem's detail, never a blank page; a 401 asks to sign in. */
export function ErrorNotice({ error }: { error: ApiError | Error }) {
  const { t } = useI18n();
  if ('status' in error && error.status === 401 && error.code === 'unauthenticated') return <SignInPrompt />;
  const code = 'code' in error && error.code ? ` (${error.code})` : '';
  return (
    <Alert type="error" showIcon title={t.errorTitle} description={`${error.message}${code}`} role="alert" />
  );
}
