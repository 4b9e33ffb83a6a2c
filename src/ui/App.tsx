// The game's frame: header, the current screen, settings, and the stage the city is drawn on.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCards, usePlay } from './context';
import { Header } from './Header';
import { HomeScreen } from './screens/HomeScreen';
import { MapScreen } from './screens/MapScreen';
import { PlayScreen } from './screens/PlayScreen';
import { ResultsScreen } from './screens/ResultsScreen';
import { PlaceMarkers } from './screens/PlaceMarkers';
import { Notices } from './Notices';
import { PwaNotices } from '../pwa/PwaNotices';
import { SettingsDialog } from './SettingsDialog';
import { Stage } from './Stage';
import { useScenarioText } from './scenarioText';
import { textKey } from '../engine/translate';
import { switchLanguage } from '../i18n';

export function App() {
  const screen = usePlay((s) => s.screen);
  const settings = usePlay((s) => s.settings);
  const cards = useCards();
  const { t, i18n } = useTranslation();
  const settingsRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    // A language other than English is a chunk of its own, loaded before the switch.
    void switchLanguage(i18n, settings.language);
    document.documentElement.lang = settings.language;
  }, [i18n, settings.language]);

  const run = usePlay((s) => s.run);
  const runText = useScenarioText(run?.scenarioId);
  const runTitle = run ? runText.get(textKey.title(), run.title).text : undefined;
  useEffect(() => {
    const name = t('app.name');
    const title =
      screen.name === 'map'
        ? t('map.title')
        : screen.name === 'play'
          ? runTitle
          : screen.name === 'results'
            ? t('results.title')
            : undefined;
    document.title = title ? `${title} · ${name}` : name;
  }, [t, screen.name, runTitle]);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = settings.textSize;
    root.dataset.reducedMotion = String(settings.reducedMotion);
  }, [settings.textSize, settings.reducedMotion]);

  return (
    <>
      <Header onSettings={() => settingsRef.current?.showModal()} />
      <Notices />
      <PwaNotices />
      <main id="main" className={`screen screen-${screen.name}`} tabIndex={-1}>
        {(screen.name === 'map' || screen.name === 'play') && (
          <Stage compact={screen.name === 'play'}>{screen.name === 'map' && <PlaceMarkers cards={cards} />}</Stage>
        )}
        {screen.name === 'home' && <HomeScreen />}
        {screen.name === 'map' && <MapScreen />}
        {screen.name === 'play' && <PlayScreen />}
        {screen.name === 'results' && <ResultsScreen />}
      </main>
      <SettingsDialog ref={settingsRef} />
    </>
  );
}
