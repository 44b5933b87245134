import { useState, type FormEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { ProblemSummary, TextField } from '../components/fields';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';

const DEMO = ['hero@demo.local', 'advisor@demo.local', 'manager@demo.local', 'cio@demo.local', 'admin@demo.local'];

export function SignInPage() {
  usePageTitle('Sign in');
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
        <p className="brand-mark" aria-hidden="true">
          HC
        </p>
        <h1>Sign in to HERO Compact</h1>
        <p className="lead">Propose customer-facing tech projects, get IT’s advice on the risk, and a decision from your manager.</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemSummary problem={problem} />
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            problem={problem}
            required
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            problem={problem}
            required
          />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <details className="demo-accounts">
          <summary>Demo accounts</summary>
          <p>
            Password <code>hero-compact-demo</code> for:{' '}
            {DEMO.map((d) => (
              <code key={d}>{d} </code>
            ))}
          </p>
        </details>
      </div>
    </main>
  );
}
