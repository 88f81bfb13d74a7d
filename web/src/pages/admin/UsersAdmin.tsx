import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES, type Role, type User } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { usePages } from '../../api/usePages.js';
import { centerName } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ROLE_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import { useWrite } from '../cases/useWrite.js';

interface NewUser {
  login: string;
  role: Role;
  password: string;
  displayName?: string;
  centerId?: string;
  organisation?: string;
  creditCode?: string;
  institution?: string;
}

/** Users: list, create (with the ties their role needs), disable, reset a password. */
export function UsersAdmin() {
  const { t, lang, label, dateTime } = useI18n();
  const { centers, byId } = useCenters();
  const [reload, setReload] = useState(0);
  const params = useMemo(() => ({ limit: 200 }), []);
  const pages = usePages<User>('/api/users', params, { fresh: true, reload });
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const write = useWrite();
  const [resetting, setResetting] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const refresh = () => setReload((n) => n + 1);

  const create = (v: NewUser) => {
    const clean = Object.fromEntries(
      Object.entries(v).filter(([, x]) => typeof x === 'string' && x.trim() !== ''),
    ) as Partial<NewUser>;
    return write.run(
      () => sendJson('POST', '/api/users', clean),
      () => {
        form.resetFields();
        refresh();
      },
    );
  };

  return (
    <div data-testid="users-admin">
      {write.error && <ErrorNotice error={write.error} />}
      {pages.error ? (
        <ErrorNotice error={pages.error} />
      ) : (
        <Table<User>
          size="small"
          rowKey="id"
          pagination={false}
          loading={pages.loading}
          dataSource={pages.rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'ID', dataIndex: 'id' },
            { title: t.loginName, dataIndex: 'login' },
            { title: t.displayName, dataIndex: 'displayName', responsive: ['md'] },
            { title: t.role, dataIndex: 'role', render: (_, u) => label(ROLE_LABELS, u.role) },
            {
              title: `${t.center} / ${t.organisation}`,
              key: 'tie',
              render: (_, u) =>
                u.centerId
                  ? centerName(byId.get(u.centerId), lang) || u.centerId
                  : (u.organisation ?? u.institution ?? '–'),
            },
            {
              title: t.status,
              dataIndex: 'disabled',
              render: (_, u) => (
                <>
                  {u.disabled ? <Tag color="red">{t.disabled}</Tag> : <Tag color="green">{t.active}</Tag>}
                  {u.lockedUntil && (
                    <Tag color="orange">
                      {t.lockedUntil} {dateTime(u.lockedUntil)}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: t.actions,
              key: 'actions',
              render: (_, u) => (
                <Space wrap>
                  {!u.disabled && (
                    <Popconfirm
                      title={t.areYouSure}
                      okText={t.confirm}
                      cancelText={t.cancel}
                      onConfirm={() =>
                        write.run(() => sendJson('POST', `/api/users/${u.id}/disable`), refresh)
                      }
                    >
                      <Button size="small" danger>
                        {t.disable}
                      </Button>
                    </Popconfirm>
                  )}
                  {resetting === u.id ? (
                    <>
                      <Input.Password
                        size="small"
                        placeholder={t.newPassword}
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                        autoComplete="new-password"
                      />
                      <Button
                        size="small"
                        type="primary"
                        disabled={!password}
                        onClick={() =>
                          void write.run(
                            () => sendJson('POST', `/api/users/${u.id}/reset-password`, { password }),
                            () => {
                              setResetting(null);
                              setPassword('');
                              refresh();
                            },
                          )
                        }
                      >
                        {t.save}
                      </Button>
                    </>
                  ) : (
                    <Button size="small" onClick={() => setResetting(u.id)}>
                      {t.resetPassword}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {pages.hasMore && (
        <Button block onClick={pages.more} style={{ marginTop: 8 }}>
          {t.loadMore}
        </Button>
      )}
      <Card size="small" title={t.newUser} style={{ marginTop: 12, maxWidth: 640 }}>
        <Form<NewUser> form={form} layout="vertical" onFinish={create} initialValues={{ role: 'officer' }}>
          <Form.Item
            name="login"
            label={t.loginName}
            rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
          >
            <Input data-testid="user-login" autoComplete="off" />
          </Form.Item>
          <Form.Item name="role" label={t.role} rules={[{ required: true }]}>
            <Select
              data-testid="user-role"
              options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS, r) }))}
            />
          </Form.Item>
          <Form.Item name="displayName" label={t.displayName}>
            <Input data-testid="user-display-name" />
          </Form.Item>
          {role === 'officer' && (
            <Form.Item
              name="centerId"
              label={t.center}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Select
                data-testid="user-center"
                showSearch={{ optionFilterProp: 'label' }}
                options={centers.map((c) => ({ value: c.id, label: centerName(c, lang) }))}
              />
            </Form.Item>
          )}
          {role === 'enterprise' && (
            <>
              <Form.Item
                name="organisation"
                label={t.organisation}
                rules={[{ required: true, message: t.fieldRequired }]}
              >
                <Input data-testid="user-organisation" />
              </Form.Item>
              <Form.Item
                name="creditCode"
                label={t.creditCode}
                rules={[{ required: true, message: t.fieldRequired }]}
              >
                <Input data-testid="user-credit-code" maxLength={18} />
              </Form.Item>
            </>
          )}
          {role === 'institution' && (
            <Form.Item
              name="institution"
              label={t.institution}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <Input data-testid="user-institution" />
            </Form.Item>
          )}
          <Form.Item
            name="password"
            label={t.password}
            extra={t.passwordRules}
            rules={[{ required: true, min: 10, message: t.passwordRules }]}
          >
            <Input.Password data-testid="user-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.busy} data-testid="user-submit">
            {t.newUser}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
