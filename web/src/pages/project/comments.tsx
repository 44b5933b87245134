import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ProblemSummary, TextArea } from '../../components/fields';
import { Loading } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { useAction, useLoad } from '../../lib/use-load';

const KIND_LABEL: Record<string, string> = { question: 'Question', answer: 'Answer', comment: '' };

/** The project's conversation: comments, and the advisor's questions with the HERO's answers. */
export function Comments({ projectId, refreshKey, canPost }: { projectId: string; refreshKey: number; canPost: boolean }) {
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
        <Loading what="Loading comments" />
      ) : comments.data.items.length === 0 ? (
        <p className="empty">No comments yet.</p>
      ) : (
        <ul className="comments">
          {comments.data.items.map((c) => (
            <li key={c.id} className={`comment comment-${c.kind}`}>
              <p className="comment-meta">
                <strong>{c.authorName}</strong>
                {KIND_LABEL[c.kind] ? <span className="badge">{KIND_LABEL[c.kind]}</span> : null}{' '}
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canPost ? (
        <form onSubmit={submit} className="comment-form" noValidate>
          <ProblemSummary problem={post.problem} />
          <TextArea name="body" label="Add a comment" rows={3} value={body} onChange={setBody} problem={post.problem} />
          <button type="submit" disabled={post.pending || body.trim() === ''}>
            Post comment
          </button>
        </form>
      ) : null}
    </>
  );
}
