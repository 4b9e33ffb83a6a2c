export function Changes({ changes, labels }: { changes: Record<string, number>; labels: Record<string, string> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <ul className="changes" aria-label="What changed">
      {entries.map(([id, delta]) => (
        <li key={id} className={delta > 0 ? 'up' : 'down'}>
          {labels[id] ?? id} {delta > 0 ? `+${delta}` : delta}
        </li>
      ))}
    </ul>
  );
}
