import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiProblem } from '../api/problem';
import { useI18n } from '../i18n/use-i18n';

/** DOM id of the control for an API field path (vendors[0].name → f-vendors-0-name). */
export const fieldId = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;

interface FieldBase {
  /** The API field path; the server's problem+json `errors[].field` is matched against it. */
  name: string;
  label: string;
  hint?: ReactNode;
  problem?: ApiProblem;
  required?: boolean;
  /** Further field paths whose errors belong next to this control. */
  alsoFor?: string[];
}

function messagesFor(problem: ApiProblem | undefined, names: string[]): string[] {
  return problem ? names.flatMap((n) => problem.fieldMessages(n)) : [];
}

/** Label, hint and the server's messages for one control, wired with aria-describedby/aria-invalid. */
function FieldShell({
  name,
  label,
  hint,
  problem,
  required,
  alsoFor = [],
  children,
}: FieldBase & { children: (aria: AriaProps) => ReactNode }) {
  const { t } = useI18n();
  const id = fieldId(name);
  const messages = messagesFor(problem, [name, ...alsoFor]);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${messages.length ? ' field-invalid' : ''}`}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* The required attribute tells assistive technology; the words are for sighted users. */}
        {required ? (
          <span className="required" aria-hidden="true">
            {t('field.required')}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <p className="field-error" id={`${id}-error`}>
          {messages.join('. ')}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': messages.length ? true : undefined, required })}
    </div>
  );
}

interface AriaProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  required?: boolean;
}

export function TextField(
  props: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'password' | 'date' | 'url' | 'search';
    autoComplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'text';
    placeholder?: string;
    maxLength?: number;
  },
) {
  const { value, onChange, type = 'text', autoComplete, inputMode, placeholder, maxLength } = props;
  return (
    <FieldShell {...props}>
      {(aria) => (
        <input
          {...aria}
          name={props.name}
          type={type}
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function TextArea(props: FieldBase & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...props}>
      {(aria) => (
        <textarea
          {...aria}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          maxLength={props.maxLength}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
    placeholder?: string;
  },
) {
  return (
    <FieldShell {...props}>
      {(aria) => (
        <select {...aria} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A group of checkboxes for a multi-valued field (technologies, data categories, roles, scopes). */
export function CheckboxGroup(
  props: Omit<FieldBase, 'required'> & {
    values: readonly string[];
    onChange: (values: string[]) => void;
    options: readonly { value: string; label: string }[];
  },
) {
  const id = fieldId(props.name);
  const messages = messagesFor(props.problem, [props.name, ...(props.alsoFor ?? [])]);
  const toggle = (value: string, on: boolean): void =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <fieldset
      className={`field checkbox-group${messages.length ? ' field-invalid' : ''}`}
      id={id}
      aria-describedby={messages.length ? `${id}-error` : undefined}
    >
      <legend>{props.label}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {messages.length ? (
        <p className="field-error" id={`${id}-error`}>
          {messages.join('. ')}
        </p>
      ) : null}
      <div className="checkbox-options">
        {props.options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={props.values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Yes/No radio pair for a boolean question (self-screening). */
export function YesNo(props: {
  name: string;
  label: string;
  hint?: string;
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  problem?: ApiProblem;
}) {
  const group = useId();
  const { t } = useI18n();
  const messages = messagesFor(props.problem, [props.name]);
  return (
    <fieldset className={`field yes-no${messages.length ? ' field-invalid' : ''}`} id={fieldId(props.name)}>
      <legend>{props.label}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {messages.length ? <p className="field-error">{messages.join('. ')}</p> : null}
      <label className="radio">
        <input type="radio" name={group} checked={props.value === true} onChange={() => props.onChange(true)} /> {t('field.yes')}
      </label>
      <label className="radio">
        <input type="radio" name={group} checked={props.value === false} onChange={() => props.onChange(false)} /> {t('field.no')}
      </label>
    </fieldset>
  );
}

/**
 * The problem as a whole: title and detail, and each field error as a link to its control (the
 * error summary pattern). Focused when it appears so keyboard and screen-reader users hear it.
 */
export function ProblemSummary({ problem, title }: { problem: ApiProblem | undefined; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="problem-title">{title ?? problem.body.title}</p>
      {problem.body.detail ? <p>{problem.body.detail}</p> : null}
      {problem.errors.length ? (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              <a href={`#${fieldId(e.field)}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
