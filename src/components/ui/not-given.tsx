/** What the page shows where the API sent nothing usable: muted words, never an empty cell. */
export function NotGiven() {
  return <span className="text-slate-600 italic dark:text-slate-400">not given</span>;
}

/** The text as sent, or "not given" when there was none. */
export function Given({ text }: { text: string | number | null }) {
  return text === null ? <NotGiven /> : <>{text}</>;
}
