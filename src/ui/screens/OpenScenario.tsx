// "Open a scenario file": a button with a hidden file picker, and a scenario file dropped anywhere
// on the map screen. The file is checked by the engine's loader; its problems are listed for the
// author, or it joins the map as the player's own place, selected so it can be played at once.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioProblem } from '../../engine';
import { MAX_FILE_BYTES } from '../../engine/vocabulary';
import { useServices } from '../context';
import { useFormats } from '../useFormats';
import { ProblemList } from './ProblemList';

/** What the player is told after opening a file, in the live region. */
export type OpenMessage = string | null;

export function OpenScenario({ message, onMessage }: { message: OpenMessage; onMessage: (m: OpenMessage) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { store } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const [failed, setFailed] = useState<{ file: string; problems: ScenarioProblem[] } | null>(null);
  const [dragging, setDragging] = useState(false);

  // The list of problems takes focus, so a screen reader reads its heading first.
  useEffect(() => {
    if (failed) problemsHeading.current?.focus();
  }, [failed]);

  const open = async (file: File) => {
    setFailed(null);
    if (file.size > MAX_FILE_BYTES) {
      // Not even read: a huge file would only hang the tab.
      onMessage(
        t('custom.tooLarge', { file: file.name, size: f.fileSize(file.size), max: f.fileSize(MAX_FILE_BYTES) }),
      );
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      onMessage(t('custom.readFailed', { file: file.name, message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    // The validating loader (with zod) is a chunk of its own, not part of the home screen's code.
    const { readScenarioFile } = await import('../../play/custom');
    const read = readScenarioFile(bytes, file.name);
    if (!read.ok) {
      onMessage(t('custom.failed', { file: file.name }));
      setFailed({ file: file.name, problems: read.problems });
      return;
    }
    const title = read.scenario.title;
    const outcome = store
      .getState()
      .openCustomScenario({ scenario: read.scenario, fileName: file.name, text: read.text });
    switch (outcome.kind) {
      case 'shipped':
        onMessage(t('custom.shipped', { file: file.name, id: outcome.scenarioId }));
        return;
      case 'added':
        onMessage(t('custom.added', { title }));
        return;
      case 'replaced':
        onMessage(
          outcome.runsEnded > 0
            ? `${t('custom.replaced', { title })} ${t('custom.runsEnded')}`
            : t('custom.replaced', { title }),
        );
        return;
      case 'unchanged':
        onMessage(t('custom.unchanged', { title }));
        return;
    }
  };

  const openDropped = useEffectEvent((file: File) => {
    void open(file);
  });

  // A file dropped anywhere on the map screen opens like a picked one.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would leave the game to show the file.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) openDropped(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <section className="panel open-scenario" aria-labelledby="open-scenario-title">
      <h2 id="open-scenario-title">{t('custom.title')}</h2>
      <p className="muted">{t('custom.intro')}</p>
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        {t('custom.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      <p role="status" aria-live="polite" className="open-message">
        {message}
      </p>
      {failed && (
        <ProblemList
          title={t('custom.problemsTitle', { file: failed.file })}
          intro={t('custom.problemsIntro')}
          problems={failed.problems}
          headingRef={problemsHeading}
          onClose={() => setFailed(null)}
        />
      )}
      {dragging && (
        <div className="drop-target" aria-hidden="true">
          <p>{t('custom.drop')}</p>
        </div>
      )}
    </section>
  );
}
