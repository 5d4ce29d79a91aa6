import { useState } from 'react';
import { isValidId } from '../../lib/view-params';

/** Opens an agent by id. (The searchable agent list comes with the agents feature.) */
export function AgentPicker({
  agentId,
  onSelect,
}: {
  agentId: string | null;
  onSelect: (id: string) => void;
}) {
  const [value, setValue] = useState(agentId ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      role="search"
      className="flex items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const id = value.trim();
        if (!isValidId(id)) {
          setError('An agent id has letters, digits, “_” and “-” only.');
          return;
        }
        setError(null);
        onSelect(id);
      }}
    >
      <div>
        <label htmlFor="agent-id" className="sr-only">
          Agent id
        </label>
        <input
          id="agent-id"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="agent_…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'agent-id-error' : undefined}
          className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
        />
        {error && (
          <p id="agent-id-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Open
      </button>
    </form>
  );
}
