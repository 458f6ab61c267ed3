import { useState } from 'react';

type Problems = Partial<Record<string, string>>;
type KeysOf<F, V> = { [K in keyof F]: F[K] extends V ? K : never }[keyof F] & string;

/**
 * A dialog form's state, checked on every change but showing its problems only after the first
 * try to submit, not while the admin is still typing. `build` turns the form into what is sent,
 * or into problems by field name; `text` and `entry` bind a TextField to a field, or to one entry
 * of a field that maps names to text (its problem is then named "field.name").
 */
export function useCheckedForm<F extends object, B extends { problems?: Problems | null }>(initial: () => F, build: (form: F) => B) {
  const [form, setForm] = useState<F>(initial);
  const [attempted, setAttempted] = useState(false);
  const built = build(form);
  const problems: Problems = attempted ? (built.problems ?? {}) : {};
  const patch = (next: Partial<F>) => setForm((f) => ({ ...f, ...next }));
  const text = (key: KeysOf<F, string>) => ({
    value: form[key] as string,
    problem: problems[key],
    onChange: (value: string) => patch({ [key]: value } as Partial<F>),
  });
  const entry = (key: KeysOf<F, Record<string, string>>, name: string) => {
    const entries = form[key] as Record<string, string>;
    return {
      value: entries[name]!,
      problem: problems[`${key}.${name}`],
      onChange: (value: string) => patch({ [key]: { ...entries, [name]: value } } as Partial<F>),
    };
  };
  return { form, setForm, patch, built, problems, attempted, attempt: () => setAttempted(true), text, entry };
}
