import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validate,
  ValidateNested,
} from 'class-validator';
import { ProblemError, problemType, ValidationProblem } from '../common/problem/problem';
import { problemBody } from '../common/problem/problem.filter';
import { flattenValidationErrors } from '../common/validation/validation.pipe';
import { localizeProblem, translateFieldMessage } from './problem-translation';

class Amount {
  @IsInt() @Min(0) amount!: number;
}

/** One property per class-validator rule the API uses, each given a value it refuses. */
class EveryRule {
  @IsString() s!: unknown;
  @IsInt() i!: unknown;
  @IsNumber() n!: unknown;
  @IsBoolean() b!: unknown;
  @IsArray() a!: unknown;
  @IsObject() o!: unknown;
  @Min(1) min!: unknown;
  @Max(100) max!: unknown;
  @IsIn(['en', 'fr']) locale!: unknown;
  @IsIn(['hero', 'cio'], { each: true }) roles!: unknown;
  @IsUUID() id!: unknown;
  @IsEmail() email!: unknown;
  @IsISO8601() at!: unknown;
  @IsISO4217CurrencyCode() currency!: unknown;
  @Length(1, 200) name!: unknown;
  @Length(3, 5) short!: unknown;
  @MinLength(5) minLen!: unknown;
  @MaxLength(2) maxLen!: unknown;
  @Matches(/^x$/) pattern!: unknown;
  @IsNotEmpty() required!: unknown;
  @IsDefined() defined!: unknown;
  @ArrayMinSize(2) few!: unknown;
  @ArrayMaxSize(1) many!: unknown;
  @ArrayUnique() unique!: unknown;
  @ValidateNested() @Type(() => Amount) budget!: unknown;
  @ValidateNested() @Type(() => Amount) nested!: unknown;
}

const refused = {
  s: 1,
  i: 1.5,
  n: 'x',
  b: 'x',
  a: 'x',
  o: [],
  min: 0,
  max: 101,
  locale: 'de',
  roles: ['king'],
  id: 'x',
  email: 'x',
  at: 'x',
  currency: 'x',
  name: '',
  short: 'abcdefgh',
  minLen: 'ab',
  maxLen: 'abc',
  pattern: 'y',
  required: '',
  defined: null,
  few: [1],
  many: [1, 2],
  unique: [1, 1],
  budget: { amount: -1 },
  nested: 'x',
  extra: true,
};

describe('problem translation (docs/i18n.md)', () => {
  it('translates every class-validator message the API can send, naming the same field', async () => {
    const errors = await validate(plainToInstance(EveryRule, refused), { whitelist: true, forbidNonWhitelisted: true });
    const fields = flattenValidationErrors(errors);
    expect(fields.length).toBeGreaterThanOrEqual(Object.keys(refused).length);
    const untranslated = fields.filter((f) => {
      const fr = translateFieldMessage(f.field, f.message, 'fr');
      return fr === f.message || !fr.includes(f.field);
    });
    // class-validator rewording a message (an upgrade) shows here as an untranslated one.
    expect(untranslated).toEqual([]);
    const byField = (field: string) => fields.filter((f) => f.field === field).map((f) => translateFieldMessage(f.field, f.message, 'fr'));
    expect(byField('s')).toEqual(['le champ s doit être une chaîne de caractères']);
    expect(byField('budget.amount')).toEqual(['le champ budget.amount ne doit pas être inférieur à 0']);
    expect(byField('roles')).toEqual(['chaque valeur du champ roles doit être l’une des valeurs suivantes : hero, cio']);
    expect(byField('extra')).toEqual(['le champ extra n’est pas un champ autorisé']);
    expect(byField('name')).toEqual(['le champ name doit compter au moins 1 caractère(s)']);
    expect(byField('short')).toEqual(['le champ short doit compter au plus 5 caractère(s)']);
  });

  it('leaves English and unknown messages as they are', () => {
    expect(translateFieldMessage('email', 'email must be an email', 'en')).toBe('email must be an email');
    expect(translateFieldMessage('x', 'the owner must be someone else', 'fr')).toBe('the owner must be someone else');
  });

  const body = (p: ProblemError) => problemBody(p, '/api/v1/x', 'req-1');

  it('translates title and detail, and keeps type, status, instance, extensions and fields', () => {
    const p = new ProblemError(409, 'invalid-transition', 'Invalid transition', 'You cannot request info a project in state in_review.', {
      currentState: 'in_review',
      allowedActions: ['request_info'],
    });
    const fr = localizeProblem(body(p), p.code, 'fr');
    expect(fr).toEqual({
      ...body(p),
      title: 'Transition impossible',
      detail: 'Impossible de demander des informations sur un projet à l’état « en revue ».',
    });
    expect(fr.type).toBe(problemType('invalid-transition'));
    expect(localizeProblem(body(p), p.code, 'en')).toEqual(body(p));
  });

  it.each([
    [new ProblemError(404, 'not-found', 'Not found', 'Compact version not found.'), 'Introuvable', 'Version du compact introuvable.'],
    [new ProblemError(404, 'not-found', 'Not found', 'Cannot GET /api/v1/nope'), 'Introuvable', 'Impossible de traiter GET /api/v1/nope'],
    [
      new ProblemError(403, 'forbidden', 'Not allowed', 'Your roles do not allow this call (needs project.decide).'),
      'Action non autorisée',
      'Vos rôles ne permettent pas cet appel (il faut project.decide).',
    ],
    [
      new ProblemError(
        403,
        'separation-of-duties',
        'Separation of duties',
        'You work on this project: nobody signs off their own project.',
      ),
      'Séparation des tâches',
      'Vous travaillez sur ce projet : personne ne signe son propre projet.',
    ],
    [
      new ProblemError(
        403,
        'insufficient-authority',
        'Insufficient authority',
        'The budget is above your approval limit. A manager of Marketing (division) can decide; the project waits for them.',
      ),
      'Autorité insuffisante',
      'Le budget dépasse votre limite d’approbation. Un manager de Marketing (division) peut décider ; le projet l’attend.',
    ],
    [
      new ProblemError(413, 'attachment-too-large', 'Attachment too large', 'Files are limited to 10485760 bytes.'),
      'Pièce jointe trop volumineuse',
      `Les fichiers sont limités à ${new Intl.NumberFormat('fr').format(10485760)} octets.`,
    ],
    [
      new ProblemError(409, 'review-not-due', 'Review not due yet', 'The 90-day review falls due on 2027-06-01.'),
      'Revue pas encore due',
      'La revue à 90 jours est due le 1 juin 2027.',
    ],
  ])('%#: %s', (p, title, detail) => {
    expect(localizeProblem(body(p), p.code, 'fr')).toMatchObject({ title, detail });
  });

  it('keeps a detail it has no template for in English, and still translates the title', () => {
    const p = new ProblemError(403, 'forbidden', 'Not allowed', 'Some brand-new reason.');
    expect(localizeProblem(body(p), p.code, 'fr')).toMatchObject({ title: 'Action non autorisée', detail: 'Some brand-new reason.' });
    const unknownState = new ProblemError(
      409,
      'project-not-editable',
      'Project not editable',
      'A project in state frozen cannot be edited.',
    );
    expect(localizeProblem(body(unknownState), unknownState.code, 'fr').detail).toBe('A project in state frozen cannot be edited.');
    const http = new ProblemError(405, 'method-not-allowed', 'Method not allowed', 'x');
    expect(localizeProblem(body(http), 'http-405', 'fr').title).toBe('Méthode non autorisée');
  });

  it('never expands placeholders found in values (user text)', () => {
    const p = new ProblemError(404, 'not-found', 'Not found', 'Cannot GET /{record}/{path}');
    expect(localizeProblem(body(p), p.code, 'fr').detail).toBe('Impossible de traiter GET /{record}/{path}');
  });

  it('translates a validation problem’s detail and each field message', () => {
    const p = new ValidationProblem([
      { field: 'limit', message: 'limit must not be greater than 100' },
      { field: 'cursor', message: 'cursor is not a cursor returned by this list' },
    ]);
    expect(localizeProblem(body(p), p.code, 'fr')).toMatchObject({
      title: 'Validation échouée',
      detail: 'La requête comporte des champs invalides.',
      errors: [
        { field: 'limit', message: 'le champ limit ne doit pas être supérieur à 100' },
        { field: 'cursor', message: 'le champ cursor n’est pas un curseur renvoyé par cette liste' },
      ],
    });
  });
});
