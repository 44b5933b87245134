import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ProblemSummary, TextArea } from '../../components/fields';
import { Loading } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { useAction, useLoad } from '../../lib/use-load';

/** The project's conversation: comments, and the advisor's questions with the HERO's answers. */
export function Comments({ projectId, refreshKey, canPost }: { projectId: string; refreshKey: number; canPost: boolean }) {
  const { t, term, fmt } = useI18n();
  const comments = useLoad(() => api.projects.projectConversationList({ id: projectId, limit: 100 }), [projectId, refreshKey]);
  const [body, setBody] = useState('');
  const post = useAction(async () => {
    await api.projects.projectConversationAdd({ id: projectId }, { body });
    setBody('');
    comments.reload();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void post.run();
  };

  return (
    <>
      {comments.problem ? <ProblemSummary problem={comments.problem} /> : null}
      {!comments.data ? (
        <Loading what={t('comments.loading')} />
      ) : comments.data.items.length === 0 ? (
        <p className="empty">{t('comments.none')}</p>
      ) : (
        <ul className="comments">
          {comments.data.items.map((c) => (
            <li key={c.id} className={`comment comment-${c.kind}`}>
              <p className="comment-meta">
                <strong>{c.authorName}</strong>
                {c.kind !== 'comment' ? <span className="badge">{term('commentKind', c.kind)}</span> : null}{' '}
                <time dateTime={c.createdAt}>{fmt.dateTime(c.createdAt)}</time>
              </p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canPost ? (
        <form onSubmit={submit} className="comment-form" noValidate>
          <ProblemSummary problem={post.problem} />
          <TextArea name="body" label={t('comments.add')} rows={3} value={body} onChange={setBody} problem={post.problem} />
          <button type="submit" disabled={post.pending || body.trim() === ''}>
            {t('comments.post')}
          </button>
        </form>
      ) : null}
    </>
  );
}
