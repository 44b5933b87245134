import { useState, type FormEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { ProblemSummary, TextField } from '../components/fields';
import { LanguageMenu } from '../components/language-menu';
import { useI18n } from '../i18n/use-i18n';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';

const DEMO = ['hero@demo.local', 'advisor@demo.local', 'manager@demo.local', 'cio@demo.local', 'admin@demo.local'];

export function SignInPage() {
  const { t, rich } = useI18n();
  usePageTitle(t('signIn.title'));
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setPending(true);
    setProblem(undefined);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setProblem(toApiProblem(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <LanguageMenu className="on-card" />
        <p className="brand-mark" aria-hidden="true">
          HC
        </p>
        <h1>{t('signIn.heading')}</h1>
        <p className="lead">{t('signIn.lead')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemSummary problem={problem} />
          <TextField
            name="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            problem={problem}
            required
          />
          <TextField
            name="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            problem={problem}
            required
          />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('signIn.pending') : t('signIn.submit')}
          </button>
        </form>
        <details className="demo-accounts">
          <summary>{t('signIn.demo')}</summary>
          <p>
            {rich('signIn.demoPassword', { password: <code>hero-compact-demo</code> })}{' '}
            {DEMO.map((d) => (
              <code key={d}>{d} </code>
            ))}
          </p>
        </details>
      </div>
    </main>
  );
}
