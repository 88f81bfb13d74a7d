import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { User } from '../api/cases.js';
import { ApiError } from '../api/client.js';
import { useAuth } from '../auth.js';
import { useI18n } from '../lang.js';

/** Where a user starts after signing in, when they did not come from a page. */
function homeOf(user: User): string {
  switch (user.role) {
    case 'officer':
    case 'enterprise':
      return '/cases';
    case 'admin':
      return '/admin';
    case 'analyst':
      return '/case-reports';
    default:
      return '/';
  }
}

/** Only a path of this app: never an address elsewhere. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

/** Sign in with a login and password: the session cookie is set by the server. */
export default function LoginPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await auth.logIn(values.login.trim(), values.password);
      navigate(safeNext(params.get('next')) ?? homeOf(user), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="login-card" data-testid="login-page">
      <Typography.Title level={3}>{t.loginTitle}</Typography.Title>
      {auth.user && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={`${auth.user.displayName} (${auth.user.login})`}
        />
      )}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="login" label={t.loginName} rules={[{ required: true, message: t.fieldRequired }]}>
          <Input autoComplete="username" autoFocus data-testid="login-name" />
        </Form.Item>
        <Form.Item name="password" label={t.password} rules={[{ required: true, message: t.fieldRequired }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            title={t.loginFailed}
            description={error}
            role="alert"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t.signIn}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        {t.demoUsersHint}
      </p>
    </Card>
  );
}
