import { App, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Permission, Role } from '../api/cases.js';
import { useAuth } from '../auth.js';
import { useI18n } from '../lang.js';
import { SignInPrompt } from './ErrorNotice.js';

interface Props {
  /** Any one of these permissions lets the user in (none given: any signed-in user). */
  permissions?: Permission[];
  roles?: Role[];
  children: ReactNode;
}

/** A page for signed-in users: "please sign in" for visitors, "not allowed" for the wrong role. */
export function Guard({ permissions, roles, children }: Props) {
  const auth = useAuth();
  const { t } = useI18n();
  if (auth.status === 'loading') return <Spin description={t.loading} className="page-spin" />;
  if (auth.status === 'anonymous') return <SignInPrompt />;
  const allowed = (!permissions || permissions.some((p) => auth.can(p))) && (!roles || auth.is(...roles));
  if (!allowed)
    return (
      <Result status="403" title={t.forbiddenTitle} subTitle={t.forbiddenDetail} data-testid="forbidden" />
    );
  // antd's App gives the pages its message and modal hooks (kept out of the dashboard's bundle).
  return <App component={false}>{children}</App>;
}
