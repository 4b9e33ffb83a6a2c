// The problems of a scenario file, one per item, as its author needs them: where (file, line,
// column, field), what the format expects there, what the file has, and a hint when there is one.
import type { Ref } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioProblem } from '../../engine';

/** A file can have hundreds of problems; the first ones are the ones to fix first. */
export const MAX_PROBLEMS_SHOWN = 50;

export function ProblemList({
  title,
  intro,
  problems,
  headingRef,
  onClose,
}: {
  title: string;
  /** What to do about them: depends on where the file came from. */
  intro: string;
  problems: readonly ScenarioProblem[];
  headingRef?: Ref<HTMLHeadingElement>;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <section className="panel problems" aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p>{intro}</p>
      <ol className="problem-list">
        {shown.map((p, i) => (
          <li key={i}>
            <p className="problem-where">
              <code>
                {p.file}:{p.line}:{p.column}
              </code>{' '}
              {p.pointer === '' ? t('custom.wholeFile') : t('custom.field', { pointer: p.pointer })}
            </p>
            <p>{t('custom.expected', { expected: p.expected })}</p>
            <p>{t('custom.found', { found: p.found })}</p>
            {p.hint && <p className="hint">{t('custom.hint', { hint: p.hint })}</p>}
          </li>
        ))}
      </ol>
      {problems.length > shown.length && <p className="muted">{t('custom.moreProblems')}</p>}
      {onClose && (
        <button type="button" className="link" onClick={onClose}>
          {t('custom.closeProblems')}
        </button>
      )}
    </section>
  );
}
