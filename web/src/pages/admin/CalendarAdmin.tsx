import { Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CalendarOverride } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../lang.js';
import { useWrite } from '../cases/useWrite.js';

interface Values {
  date: Dayjs;
  working: boolean;
  reason: string;
}

/** Overrides of the official working-day calendar: a day made a working day or a day off, with a reason. */
export function CalendarAdmin() {
  const { t, date } = useI18n();
  const [reload, setReload] = useState(0);
  const list = useApi<CalendarOverride[]>('/api/calendar/overrides', {}, { fresh: true, reload });
  const write = useWrite();
  const [form] = Form.useForm<Values>();
  const refresh = () => setReload((n) => n + 1);
  const add = (v: Values) => {
    const day = v.date.format('YYYY-MM-DD');
    return write.run(
      () =>
        sendJson('PUT', `/api/calendar/overrides/${day}`, {
          working: v.working,
          reason: v.reason?.trim() || null,
        }),
      () => {
        form.resetFields();
        refresh();
      },
    );
  };
  return (
    <div data-testid="calendar-admin">
      {write.error && <ErrorNotice error={write.error} />}
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : (
        <Table<CalendarOverride>
          size="small"
          rowKey="date"
          pagination={false}
          loading={list.loading && !list.data}
          dataSource={list.data ?? []}
          locale={{ emptyText: t.empty }}
          columns={[
            { title: t.overrideDate, dataIndex: 'date', render: (_, o) => date(o.date) },
            {
              title: t.dayKind,
              dataIndex: 'working',
              render: (_, o) =>
                o.working ? <Tag color="blue">{t.working}</Tag> : <Tag color="green">{t.dayOff}</Tag>,
            },
            { title: t.reason, dataIndex: 'reason', render: (_, o) => o.reason ?? '–' },
            {
              title: '',
              key: 'remove',
              render: (_, o) => (
                <Popconfirm
                  title={t.areYouSure}
                  okText={t.confirm}
                  cancelText={t.cancel}
                  onConfirm={() =>
                    write.run(() => sendJson('DELETE', `/api/calendar/overrides/${o.date}`), refresh)
                  }
                >
                  <Button size="small" danger>
                    {t.remove}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <Card size="small" title={t.add} style={{ marginTop: 12, maxWidth: 480 }}>
        <Form<Values> form={form} layout="vertical" onFinish={add} initialValues={{ working: false }}>
          <Form.Item
            name="date"
            label={t.overrideDate}
            rules={[{ required: true, message: t.fieldRequired }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="working" label={t.dayKind}>
            <Radio.Group
              options={[
                { value: true, label: t.working },
                { value: false, label: t.dayOff },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t.reason}
            rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.busy}>
            {t.add}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
