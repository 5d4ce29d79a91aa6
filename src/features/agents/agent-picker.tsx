import { memo, useEffect, useId, useRef } from 'react';
import { StatusBadge } from '../../components/ui/status-badge';
import { quote } from '../../lib/view/view';
import { useAgentCombobox, type AgentCombobox, type PickerOption } from './use-agent-combobox';

/**
 * Finds an agent without knowing its id: an ARIA 1.2 combobox over the workspace's agents
 * (filter by name or id; arrows, Enter, Escape), recently opened agents first, and any valid
 * pasted id even if the list does not have it. The state lives in useAgentCombobox.
 */
// Memoised: the header's picker keeps its props (agent id, a stable callback) across the list's
// page changes, so it does not re-render with them.
export const AgentPicker = memo(function AgentPicker({
  agentId,
  onSelect,
}: {
  agentId: string | null;
  onSelect: (id: string) => void;
}) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const errorId = `${baseId}-error`;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const combobox = useAgentCombobox({ agentId, onSelect });
  const { open, active, activeOption, error, close } = combobox;
  const inputRef = useRef<HTMLInputElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (activeOption)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption, active]);

  return (
    <div
      ref={containerRef}
      role="search"
      className="relative w-full sm:w-96"
      onBlur={(event) => {
        if (!containerRef.current?.contains(event.relatedTarget)) close();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Find an agent by name or id
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={activeOption ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        value={combobox.text}
        placeholder="Find an agent by name or id…"
        onChange={(event) => combobox.onTextChange(event.target.value)}
        onClick={() => combobox.setOpen(true)}
        onKeyDown={combobox.onKeyDown}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div
        hidden={!open}
        className="absolute right-0 left-0 z-40 mt-1 overflow-hidden rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        <AgentList
          combobox={combobox}
          agentId={agentId}
          listboxId={listboxId}
          optionId={optionId}
          onClearRecents={() => inputRef.current?.focus()}
        />
      </div>
    </div>
  );
});

/** The open list: what it is doing (loading, failed, nothing matches), the groups of options. */
function AgentList({
  combobox,
  agentId,
  listboxId,
  optionId,
  onClearRecents,
}: {
  combobox: AgentCombobox;
  agentId: string | null;
  listboxId: string;
  optionId: (index: number) => string;
  /** After "Clear recent agents": focus goes back to the input. */
  onClearRecents: () => void;
}) {
  const { agentsQuery, agents, recents, text, needle, active, setActive, groups, options } =
    combobox;
  let listStatus: React.ReactNode = null;
  if (agentsQuery.isPending) {
    listStatus = 'Loading agents…';
  } else if (agentsQuery.isError) {
    listStatus = (
      <>
        Could not load the agent list ({agentsQuery.error.message}). You can still paste an agent
        id.{' '}
        <button
          type="button"
          onClick={() => void agentsQuery.refetch()}
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Retry
        </button>
      </>
    );
  } else if (options.length === 0 && needle !== '') {
    listStatus = `No agent’s name or id contains “${quote(text.trim())}”.`;
  } else if (agents.length === 0) {
    listStatus = 'This workspace has no agents yet. Paste an agent id to open it.';
  }

  // Options are numbered across groups: the n-th option of the list has index n.
  const firstIndex = groups.map((_, groupIndex) =>
    groups.slice(0, groupIndex).reduce((count, group) => count + group.options.length, 0),
  );
  return (
    <>
      {listStatus && (
        <p role="status" className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">
          {listStatus}
        </p>
      )}
      <div
        id={listboxId}
        role="listbox"
        aria-label="Agents"
        className="max-h-80 overflow-y-auto py-1"
      >
        {groups.map((group, groupIndex) => (
          <ul key={group.label} role="group" aria-labelledby={`${listboxId}-group-${groupIndex}`}>
            <li
              role="presentation"
              id={`${listboxId}-group-${groupIndex}`}
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
            >
              {group.label}
            </li>
            {group.options.map((option, indexInGroup) => {
              const optionIndex = (firstIndex[groupIndex] ?? 0) + indexInGroup;
              const isActive = optionIndex === active;
              return (
                // Keyboard use stays on the combobox input (aria-activedescendant); the
                // option only takes the pointer, without stealing focus from the input.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <li
                  key={option.key}
                  id={optionId(optionIndex)}
                  role="option"
                  aria-selected={isActive}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => {
                    if (!isActive) setActive(optionIndex);
                  }}
                  onClick={() => combobox.choose(option)}
                  className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5 text-sm ${isActive ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}
                >
                  <OptionText option={option} isCurrent={option.agentId === agentId} />
                </li>
              );
            })}
          </ul>
        ))}
      </div>
      {needle === '' && recents.length > 0 && (
        <div className="border-t border-slate-200 px-3 py-1.5 dark:border-slate-700">
          <button
            type="button"
            onClick={() => {
              combobox.clearRecents();
              setActive(-1);
              onClearRecents();
            }}
            className="text-xs font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
          >
            Clear recent agents
          </button>
        </div>
      )}
    </>
  );
}

function OptionText({ option, isCurrent }: { option: PickerOption; isCurrent: boolean }) {
  return (
    <>
      <span className="min-w-0">
        {option.kind === 'id' ? (
          <span className="block">
            Open agent id <code className="font-mono text-xs">{option.agentId}</code>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              Not in this workspace’s agent list
            </span>
          </span>
        ) : (
          <>
            <span className="block truncate font-medium">
              {option.name ?? option.agentId}
              {isCurrent && (
                <span className="font-normal text-slate-600 dark:text-slate-400"> (open)</span>
              )}
            </span>
            {option.name !== undefined && (
              <span className="block truncate font-mono text-xs text-slate-600 dark:text-slate-400">
                {option.agentId}
              </span>
            )}
          </>
        )}
      </span>
      {option.status !== undefined && <StatusBadge status={option.status} />}
    </>
  );
}
