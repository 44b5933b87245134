import { useState } from 'react';
import { api } from '../api/client';
import type { CommitmentsDto, CompactVersionDto } from '../api/generated/api';
import { ProblemSummary, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { formatDate, formatDateTime } from '../lib/format';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useAction, useLoad } from '../lib/use-load';

const GROUPS: { key: keyof CommitmentsDto; title: string }[] = [
  { key: 'hero', title: 'HEROes commit to' },
  { key: 'manager', title: 'Managers commit to' },
  { key: 'it', title: 'IT commits to' },
];

function CompactText({ version }: { version: CompactVersionDto }) {
  return (
    <article className="compact-text">
      <p className="lead">{version.intro}</p>
      <div className="commitments">
        {GROUPS.map((g) => (
          <section key={g.key} aria-labelledby={`c-${g.key}`}>
            <h2 id={`c-${g.key}`}>{g.title}</h2>
            <ol>
              {version.commitments[g.key].map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </article>
  );
}

/** The compact: everyone reads and acknowledges it; the CIO drafts and publishes new versions. */
export function CompactPage() {
  usePageTitle('The compact');
  const { can } = useSession();
  const current = useLoad(() => api.compact.compactCurrent(), []);
  const acknowledge = useAction(async (versionId: string) => {
    await api.compact.compactAcknowledge({ versionId });
    current.reload();
  });
  if (!current.data) return current.problem ? <ProblemSummary problem={current.problem} /> : <Loading />;
  const { version, acknowledgement } = current.data;

  return (
    <>
      <PageHeader
        title={version.title}
        eyebrow={`The compact · version ${version.number ?? '—'} · published ${formatDate(version.publishedAt)}`}
      />
      <CompactText version={version} />
      <section className="card ack" aria-labelledby="ack-title">
        <h2 id="ack-title">Your acknowledgement</h2>
        <ProblemSummary problem={acknowledge.problem} />
        {acknowledgement?.required ? (
          <>
            <p>
              You commit as: <strong>{acknowledgement.missingGroups.join(', ')}</strong>. Acknowledging is permanent and recorded in the
              audit trail.
            </p>
            <button type="button" className="primary" disabled={acknowledge.pending} onClick={() => void acknowledge.run(version.id)}>
              I have read and acknowledge this compact
            </button>
          </>
        ) : (
          <p className="ok">
            You acknowledged version {version.number}
            {acknowledgement?.acknowledgedAt ? ` on ${formatDateTime(acknowledgement.acknowledgedAt)}` : ''}.
          </p>
        )}
      </section>
      {can('compact.publish') ? <CompactDrafts current={version} onPublished={current.reload} /> : null}
    </>
  );
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** CIO: draft a new version (starting from the current text), edit it, publish it. */
function CompactDrafts({ current, onPublished }: { current: CompactVersionDto; onPublished: () => void }) {
  const versions = useLoad(() => api.compact.compactVersions({ limit: 50 }), []);
  const draft = versions.data?.items.find((v) => v.status === 'draft');
  const [form, setForm] = useState<{ title: string; intro: string; hero: string; manager: string; it: string } | null>(null);
  const startFrom = (v: CompactVersionDto) =>
    setForm({
      title: v.title,
      intro: v.intro,
      hero: v.commitments.hero.join('\n'),
      manager: v.commitments.manager.join('\n'),
      it: v.commitments.it.join('\n'),
    });
  const body = () =>
    form && {
      title: form.title,
      intro: form.intro,
      commitments: { hero: lines(form.hero), manager: lines(form.manager), it: lines(form.it) },
    };
  const save = useAction(async () => {
    const b = body();
    if (!b) return;
    if (draft) await api.compact.compactEdit({ id: draft.id }, b, { headers: { 'If-Match': `"${draft.version}"` } });
    else await api.compact.compactDraft(b);
    versions.reload();
  });
  const publish = useAction(async (id: string) => {
    await api.compact.compactPublish({ id });
    setForm(null);
    versions.reload();
    onPublished();
  });
  const problem = save.problem ?? publish.problem;

  return (
    <section className="card" aria-labelledby="drafts-title">
      <h2 id="drafts-title">New version (CIO)</h2>
      <p className="hint">
        Published versions are immutable. Everyone must acknowledge a newly published version before their next submission, assessment or
        decision.
      </p>
      <ProblemSummary problem={problem} />
      {!form ? (
        <button type="button" onClick={() => startFrom(draft ?? current)}>
          {draft ? 'Edit the draft' : 'Draft a new version'}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <TextField name="title" label="Title" value={form.title} onChange={(title) => setForm({ ...form, title })} problem={problem} />
          <TextArea
            name="intro"
            label="Introduction"
            value={form.intro}
            onChange={(intro) => setForm({ ...form, intro })}
            problem={problem}
          />
          {GROUPS.map((g) => (
            <TextArea
              key={g.key}
              name={`commitments.${g.key}`}
              label={`${g.title} (one per line)`}
              rows={6}
              value={form[g.key]}
              onChange={(v) => setForm({ ...form, [g.key]: v })}
              problem={problem}
            />
          ))}
          <div className="button-row">
            <button type="submit" disabled={save.pending}>
              Save draft
            </button>
            {draft ? (
              <button type="button" className="primary" disabled={publish.pending} onClick={() => void publish.run(draft.id)}>
                Publish version
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
