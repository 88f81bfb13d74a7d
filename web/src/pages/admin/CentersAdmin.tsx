import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { CASE_TYPES, type CaseType, CENTER_KINDS, type Center, type CenterKind } from '../../api/cases.js';
import { sendJson } from '../../api/client.js';
import { industryName } from '../../cases/model.js';
import { useCenters } from '../../cases/useCenters.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { CENTER_KIND_LABELS } from '../../i18n.js';
import { useI18n } from '../../lang.js';
import { useWrite } from '../cases/useWrite.js';

interface Values {
  id: string;
  kind: CenterKind;
  nameZh: string;
  nameEn: string;
  city: string;
  area?: string;
  services: CaseType[];
  industries: string;
}

interface IndustryInput {
  label?: { zh?: string; en?: string };
  zh?: string;
  en?: string;
  ipc?: string[];
  locarno?: string[];
  demo?: boolean;
}

/** The industries as the administrator edits them: `{ label: { zh, en }, ipc, locarno }` each. */
function industriesJson(c: Center): string {
  return JSON.stringify(
    c.industries.map((i) => ({
      label: { zh: industryName(i, 'zh'), en: industryName(i, 'en') },
      ipc: i.ipc,
      locarno: i.locarno,
      ...(i.demo ? { demo: true } : {}),
    })),
    null,
    1,
  );
}

/** The API's shape, also from `{ zh, en, … }` as the cases module writes it. */
function industriesBody(text: string) {
  return (JSON.parse(text) as IndustryInput[]).map((i) => ({
    label: { zh: i.label?.zh ?? i.zh ?? '', en: i.label?.en ?? i.en ?? '' },
    ipc: i.ipc ?? [],
    locarno: i.locarno ?? [],
    ...(i.demo ? { demo: true } : {}),
  }));
}

/** The centers: list, create, edit (industries as JSON: each with label { zh, en }, ipc, locarno). */
export function CentersAdmin() {
  const { t, lang, label, caseType } = useI18n();
  const [reload, setReload] = useState(0);
  const { centers, loading, error } = useCenters(reload + 1);
  const [editing, setEditing] = useState<Center | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const write = useWrite();

  const open = (c: Center | 'new') => {
    write.clear();
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? {
            id: '',
            kind: 'protection_center',
            nameZh: '',
            nameEn: '',
            city: '',
            services: [...CASE_TYPES],
            industries: '[]',
          }
        : { ...c, area: c.area ?? '', industries: industriesJson(c) },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      ...(editing === 'new' ? { id: v.id.trim() } : {}),
      kind: v.kind,
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      city: v.city.trim(),
      ...(v.area?.trim() ? { area: v.area.trim() } : {}),
      services: v.services,
      industries: industriesBody(v.industries),
      // Editing keeps the demo mark; the version guards against a concurrent edit.
      ...(editing !== 'new' && editing ? { demo: editing.demo, version: editing.version } : {}),
    };
    await write.run(
      () =>
        editing === 'new'
          ? sendJson('POST', '/api/centers', body)
          : sendJson('PUT', `/api/centers/${encodeURIComponent(editing?.id ?? '')}`, body),
      () => {
        setEditing(null);
        setReload((n) => n + 1);
      },
    );
  };

  if (error) return <ErrorNotice error={error} />;
  return (
    <div data-testid="centers-admin">
      <div className="toolbar">
        <Button type="primary" onClick={() => open('new')} data-testid="center-new">
          {t.newCenter}
        </Button>
      </div>
      <Table<Center>
        size="small"
        rowKey="id"
        pagination={false}
        loading={loading}
        dataSource={centers}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t.centerId, dataIndex: 'id' },
          {
            title: t.center,
            dataIndex: 'nameZh',
            render: (_, c) => (
              <>
                {lang === 'en' ? c.nameEn : c.nameZh} {c.demo && <Tag>{t.demoMark}</Tag>}
              </>
            ),
          },
          {
            title: t.centerKind,
            dataIndex: 'kind',
            render: (_, c) => label(CENTER_KIND_LABELS, c.kind),
            responsive: ['lg'],
          },
          {
            title: t.cityCode,
            dataIndex: 'city',
            render: (_, c) => (c.area && c.area !== c.city ? `${c.city} (${c.area})` : c.city),
          },
          {
            title: t.industries,
            dataIndex: 'industries',
            render: (_, c) => c.industries.map((i) => industryName(i, lang)).join('、'),
            responsive: ['md'],
          },
          {
            title: t.services,
            dataIndex: 'services',
            render: (_, c) => c.services.length,
            responsive: ['md'],
          },
          {
            title: '',
            key: 'edit',
            render: (_, c) => (
              <Button size="small" onClick={() => open(c)}>
                {t.edit}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t.newCenter : t.edit}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={write.busy}
        width={720}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical">
          <Form.Item
            name="id"
            label={t.centerId}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: 'a-z 0-9 -' }]}
          >
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="kind" label={t.centerKind} rules={[{ required: true }]}>
            <Select options={CENTER_KINDS.map((k) => ({ value: k, label: label(CENTER_KIND_LABELS, k) }))} />
          </Form.Item>
          <Form.Item
            name="nameZh"
            label={t.nameZh}
            rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t.nameEn}
            rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="city"
            label={t.cityCode}
            rules={[{ required: true, pattern: /^\d{6}$/, message: '420100' }]}
          >
            <Input placeholder="420100" />
          </Form.Item>
          <Form.Item name="area" label={t.areaCode}>
            <Input placeholder="42" />
          </Form.Item>
          <Form.Item
            name="services"
            label={t.services}
            rules={[{ required: true, message: t.fieldRequired }]}
          >
            <Select mode="multiple" options={CASE_TYPES.map((c) => ({ value: c, label: caseType(c) }))} />
          </Form.Item>
          <Form.Item
            name="industries"
            label={t.industriesJson}
            rules={[
              {
                validator: (_, v: string) => {
                  try {
                    return Array.isArray(JSON.parse(v))
                      ? Promise.resolve()
                      : Promise.reject(new Error('[ … ]'));
                  } catch (e) {
                    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
                  }
                },
              },
            ]}
          >
            <Input.TextArea rows={6} className="mono" />
          </Form.Item>
        </Form>
        {write.error && <ErrorNotice error={write.error} />}
        {write.conflict && <ErrorNotice error={new Error(`${t.conflictTitle}. ${t.conflictDetail}`)} />}
      </Modal>
    </div>
  );
}
