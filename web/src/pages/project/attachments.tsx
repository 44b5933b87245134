import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { AttachmentDto, ProjectDto } from '../../api/generated/api';
import { ProblemSummary, TextField, fieldId } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { CLOSED_STATES } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

/** The people the server lets attach files: the project's participants (attachment-rules.ts). */
function mayUpload(project: ProjectDto, meId: string, hasRole: (r: string) => boolean): boolean {
  if (CLOSED_STATES.includes(project.state)) return false;
  const team = project.proposerId === meId || project.team.some((m) => m.id === meId);
  return team || project.assignedAdvisorId === meId || hasRole('cio') || hasRole('manager');
}

/**
 * The download goes through the API client (the bearer token is not a cookie, so a plain link
 * would be refused): the bytes come back as a Blob and are saved under the file's own name.
 */
async function download(a: AttachmentDto): Promise<void> {
  const blob = await api.attachments.attachmentsContent({ id: a.id }, { format: 'blob' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = a.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Evidence on the project (mock-ups, contracts, privacy notices): list, download, upload, delete. */
export function Attachments({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { t, term, fmt } = useI18n();
  const { me, hasRole } = useSession();
  const list = useLoad(() => api.attachments.projectAttachmentsList({ id: project.id, limit: 100 }), [project.id, refreshKey]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const upload = useAction(async (chosen: File) => {
    await api.attachments.projectAttachmentsUpload({ id: project.id }, { file: chosen, ...(description ? { description } : {}) });
    setFile(null);
    setDescription('');
    if (fileInput.current) fileInput.current.value = '';
    list.reload();
    onChanged();
  });
  const remove = useAction(async (a: AttachmentDto) => {
    await api.attachments.attachmentsRemove({ id: a.id });
    setConfirming(null);
    list.reload();
    onChanged();
  });
  const fetchFile = useAction(download);
  const items = list.data?.items ?? [];
  const canUpload = me ? mayUpload(project, me.id, hasRole) : false;
  if (items.length === 0 && !canUpload) return null;
  const mayDelete = (a: AttachmentDto) => hasRole('cio') || (a.uploadedBy.type === 'user' && a.uploadedBy.id === me?.id);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (file) void upload.run(file);
  };
  const fileProblem = upload.problem?.errors.length ? undefined : upload.problem;

  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <ProblemSummary problem={list.problem ?? remove.problem ?? fetchFile.problem} />
      {items.length === 0 ? (
        <p className="empty">{t('attachments.none')}</p>
      ) : (
        <ul className="attachments">
          {items.map((a) => (
            <li key={a.id}>
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void fetchFile.run(a)}
                  aria-label={t('attachments.downloadOf', { name: a.fileName })}
                >
                  {a.fileName}
                </button>{' '}
                <span className="hint">
                  {term('fileType', a.contentType)} · {fmt.fileSize(a.sizeBytes)} ·{' '}
                  {t('attachments.by', { name: a.uploadedBy.name, when: fmt.dateTime(a.createdAt) })}
                </span>
              </p>
              {a.description ? <p>{a.description}</p> : null}
              {mayDelete(a) ? (
                confirming === a.id ? (
                  <div className="button-row" role="group" aria-label={t('attachments.confirmOf', { name: a.fileName })}>
                    <span>{t('attachments.confirm', { name: a.fileName })}</span>
                    <button type="button" className="small danger" disabled={remove.pending} onClick={() => void remove.run(a)}>
                      {t('attachments.delete')}
                    </button>
                    <button type="button" className="small" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="small"
                    aria-label={t('attachments.deleteOf', { name: a.fileName })}
                    onClick={() => setConfirming(a.id)}
                  >
                    {t('attachments.delete')}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <form onSubmit={submit} noValidate className="attachment-form">
          <h3>{t('attachments.add')}</h3>
          <ProblemSummary problem={upload.problem} />
          <div className={`field${fileProblem ? ' field-invalid' : ''}`}>
            <label htmlFor={fieldId('file')}>{t('attachments.file')}</label>
            <p className="hint" id={`${fieldId('file')}-hint`}>
              {t('attachments.fileHint')}
            </p>
            <input
              ref={fileInput}
              id={fieldId('file')}
              name="file"
              type="file"
              aria-describedby={`${fieldId('file')}-hint`}
              aria-invalid={fileProblem ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <TextField
            name="description"
            label={t('attachments.description')}
            value={description}
            onChange={setDescription}
            problem={upload.problem}
            maxLength={1000}
          />
          <button type="submit" disabled={!file || upload.pending}>
            {upload.pending ? t('attachments.uploading') : t('attachments.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
