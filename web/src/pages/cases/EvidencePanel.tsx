import { InboxOutlined } from '@ant-design/icons';
import { App, Table, Upload } from 'antd';
import { useState } from 'react';
import type { Evidence } from '../../api/cases.js';
import { ApiError, uploadFile } from '../../api/client.js';
import { EVIDENCE_EXTENSIONS, evidenceProblem, fileSize } from '../../cases/model.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../lang.js';

/** The case's evidence, each file downloadable; new files by drag-and-drop, checked before sending. */
export function EvidencePanel({
  caseId,
  evidence,
  onUploaded,
}: {
  caseId: string;
  evidence: Evidence[];
  onUploaded(): void;
}) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<ApiError | null>(null);
  const base = `/api/cases/${encodeURIComponent(caseId)}/evidence`;
  return (
    <div>
      <Table<Evidence>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={evidence}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noEvidence }}
        data-testid="evidence-table"
        columns={[
          {
            title: t.fileName,
            dataIndex: 'fileName',
            render: (_, e) => (
              <a
                href={`${base}/${encodeURIComponent(e.id)}`}
                download={e.fileName}
                data-testid="evidence-link"
              >
                {e.fileName}
              </a>
            ),
          },
          { title: t.fileType, dataIndex: 'mediaType', responsive: ['md'] },
          { title: t.fileSize, dataIndex: 'size', render: (_, e) => fileSize(e.size) },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (_, e) => (
              <span className="mono" title={e.sha256}>
                {e.sha256.slice(0, 16)}…
              </span>
            ),
            responsive: ['lg'],
          },
          {
            title: t.uploadedBy,
            dataIndex: 'uploadedBy',
            render: (_, e) => e.uploadedBy ?? '–',
            responsive: ['md'],
          },
          { title: t.uploadedAt, dataIndex: 'uploadedAt', render: (_, e) => dateTime(e.uploadedAt) },
        ]}
      />
      <Upload.Dragger
        style={{ marginTop: 12 }}
        multiple={false}
        showUploadList={false}
        accept={EVIDENCE_EXTENSIONS.join(',')}
        data-testid="evidence-upload"
        beforeUpload={(file) => {
          const problem = evidenceProblem(file);
          if (!problem) return true;
          void message.error(`${file.name}: ${problem === 'tooBig' ? t.uploadTooBig : t.uploadBadType}`);
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          if (typeof file === 'string') return;
          const name = 'name' in file ? file.name : 'file';
          setError(null);
          uploadFile(base, file, name).then(
            (answer) => {
              onSuccess?.(answer);
              void message.success(`${t.uploaded}: ${name}`);
              onUploaded();
            },
            (e: unknown) => {
              const err = e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown');
              setError(err);
              onError?.(err);
            },
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t.uploadHint}</p>
        <p className="ant-upload-hint" data-testid="upload-limits">
          {t.uploadLimits}
        </p>
      </Upload.Dragger>
      {error && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={error} />
        </div>
      )}
    </div>
  );
}
