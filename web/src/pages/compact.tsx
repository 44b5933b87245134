import { useState } from 'react';
import { api } from '../api/client';
import type { CommitmentsDto, CompactVersionDto } from '../api/generated/api';
import { ProblemSummary, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import type { PlainKey } from '../i18n/catalog';
import { useI18n } from '../i18n/use-i18n';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useAction, useLoad } from '../lib/use-load';

const GROUPS: { key: keyof CommitmentsDto; title: PlainKey; lines: PlainKey }[] = [
  { key: 'hero', title: 'compact.hero', lines: 'compact.heroLines' },
  { key: 'manager', title: 'compact.manager', lines: 'compact.managerLines' },
  { key: 'it', title: 'compact.it', lines: 'compact.itLines' },
];

function CompactText({ version }: { version: CompactVersionDto }) {
  const { t } = useI18n();
  return (
    <article className="compact-text">
      <p className="lead">{version.intro}</p>
      <div className="commitments">
        {GROUPS.map((g) => (
          <section key={g.key} aria-labelledby={`c-${g.key}`}>
            <h2 id={`c-${g.key}`}>{t(g.title)}</h2>
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
  const { t, term, fmt } = useI18n();
  usePageTitle(t('nav.compact'));
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
        eyebrow={t('compact.eyebrow', { number: version.number ?? '—', date: fmt.date(version.publishedAt) })}
      />
      <CompactText version={version} />
      <section className="card ack" aria-labelledby="ack-title">
        <h2 id="ack-title">{t('compact.ack')}</h2>
        <ProblemSummary problem={acknowledge.problem} />
        {acknowledgement?.required ? (
          <>
            <p>
              {t('compact.commitAs')} <strong>{acknowledgement.missingGroups.map((g) => term('compactGroup', g)).join(', ')}</strong>.{' '}
              {t('compact.permanent')}
            </p>
            <button type="button" className="primary" disabled={acknowledge.pending} onClick={() => void acknowledge.run(version.id)}>
              {t('compact.acknowledge')}
            </button>
          </>
        ) : (
          <p className="ok">
            {acknowledgement?.acknowledgedAt
              ? t('compact.acknowledgedOn', { number: version.number ?? '—', when: fmt.dateTime(acknowledgement.acknowledgedAt) })
              : t('compact.acknowledged', { number: version.number ?? '—' })}
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
  const { t } = useI18n();
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
      <h2 id="drafts-title">{t('compact.newVersion')}</h2>
      <p className="hint">{t('compact.newVersionHint')}</p>
      <ProblemSummary problem={problem} />
      {!form ? (
        <button type="button" onClick={() => startFrom(draft ?? current)}>
          {draft ? t('compact.editDraft') : t('compact.draftNew')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <TextField
            name="title"
            label={t('compact.title')}
            value={form.title}
            onChange={(title) => setForm({ ...form, title })}
            problem={problem}
          />
          <TextArea
            name="intro"
            label={t('compact.intro')}
            value={form.intro}
            onChange={(intro) => setForm({ ...form, intro })}
            problem={problem}
          />
          {GROUPS.map((g) => (
            <TextArea
              key={g.key}
              name={`commitments.${g.key}`}
              label={t(g.lines)}
              rows={6}
              value={form[g.key]}
              onChange={(v) => setForm({ ...form, [g.key]: v })}
              problem={problem}
            />
          ))}
          <div className="button-row">
            <button type="submit" disabled={save.pending}>
              {t('assess.saveDraft')}
            </button>
            {draft ? (
              <button type="button" className="primary" disabled={publish.pending} onClick={() => void publish.run(draft.id)}>
                {t('compact.publish')}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
