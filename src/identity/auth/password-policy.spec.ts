import { passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it.each(['short', 'elevenchars'])('refuses %s as too short', (p) => expect(passwordWeakness(p)).toMatch(/at least 12/));
  it.each(['password1234', 'qwertyuiop123', 'aaaaaaaaaaaa', '123456789012', 'iloveyou2024'])('refuses common password %s', (p) =>
    expect(passwordWeakness(p)).toMatch(/too common/),
  );
  it('refuses a password built from the user’s own email', () => {
    expect(passwordWeakness('jane.marketing2024', ['jane.marketing@example.com'])).toMatch(/too common/);
  });
  it.each(['hero-compact-demo', 'correct horse battery', 'Tr4in-Yellow-Kettle'])('accepts %s', (p) =>
    expect(passwordWeakness(p)).toBeNull(),
  );
  it('refuses over 128 characters', () => expect(passwordWeakness('x'.repeat(129))).toMatch(/at most 128/));
});
