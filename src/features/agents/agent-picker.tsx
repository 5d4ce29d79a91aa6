import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { StatusBadge } from '../../components/ui/status-badge';
import type { Agent } from '../../../contract/api-schemas';
import { isValidId, quote } from '../../lib/view/view';
import { agentsQueries } from './api/agents-queries';
import { useRecentAgents } from './recent-agents';

interface PickerOption {
  key: string;
  /** `id`: an id typed or pasted that is not in the workspace's list. */
  kind: 'recent' | 'agent' | 'id';
  agentId: string;
  name: string | undefined;
  status: string | undefined;
}

interface PickerGroup {
  label: string;
  options: PickerOption[];
}

function matches(agent: Agent, needle: string): boolean {
  return (
    agent.agentName.toLowerCase().includes(needle) || agent.agentId.toLowerCase().includes(needle)
  );
}

function toOption(kind: PickerOption['kind'], agent: Agent): PickerOption {
  return {
    key: `${kind}:${agent.agentId}`,
    kind,
    agentId: agent.agentId,
    name: agent.agentName,
    status: agent.status,
  };
}

/**
 * Finds an agent without knowing its id: an ARIA 1.2 combobox over the workspace's agents
 * (filter by name or id; arrows, Enter, Escape), recently opened agents first, and any valid
 * pasted id even if the list does not have it.
 */
export function AgentPicker({
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

  const agentsQuery = useQuery(agentsQueries.list());
  const agents = useMemo(() => agentsQuery.data ?? [], [agentsQuery.data]);
  const { recents, remember, clear } = useRecentAgents();

  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  // Whatever opens an agent (this picker, a board card, a shared link) makes it recent.
  const currentName = agents.find((agent) => agent.agentId === agentId)?.agentName;
  useEffect(() => {
    if (agentId) remember({ agentId, name: currentName });
  }, [agentId, currentName, remember]);

  const needle = text.trim().toLowerCase();
  const groups = useMemo<PickerGroup[]>(() => {
    const byId = new Map(agents.map((agent) => [agent.agentId, agent]));
    const recentOptions = recents.map((recent) => {
      const known = byId.get(recent.agentId);
      return known
        ? toOption('recent', known)
        : {
            key: `recent:${recent.agentId}`,
            kind: 'recent' as const,
            agentId: recent.agentId,
            name: recent.name,
            status: undefined,
          };
    });
    if (needle === '') {
      return [
        { label: 'Recent', options: recentOptions },
        { label: 'All agents', options: agents.map((agent) => toOption('agent', agent)) },
      ].filter((group) => group.options.length > 0);
    }
    const found = agents.filter((agent) => matches(agent, needle));
    // Recent ids the list does not have (pasted before) still match by id or remembered name.
    const recentOnly = recentOptions.filter(
      (option) =>
        !byId.has(option.agentId) &&
        (option.agentId.toLowerCase().includes(needle) ||
          (option.name ?? '').toLowerCase().includes(needle)),
    );
    const typed = text.trim();
    // A typed or pasted id that nothing listed matches can still be opened as it is.
    const pasted = found.length === 0 && recentOnly.length === 0 && isValidId(typed);
    const options: PickerOption[] = [
      ...found.map((agent) => toOption('agent', agent)),
      ...recentOnly,
      ...(pasted
        ? [
            {
              key: `id:${typed}`,
              kind: 'id' as const,
              agentId: typed,
              name: undefined,
              status: undefined,
            },
          ]
        : []),
    ];
    return options.length > 0 ? [{ label: 'Matching agents', options }] : [];
  }, [agents, recents, needle, text]);

  const options = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  const activeOption = open && active >= 0 ? options[active] : undefined;

  useEffect(() => {
    if (activeOption)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption, active]);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function choose(option: PickerOption) {
    remember({ agentId: option.agentId, name: option.name });
    setText('');
    setError(null);
    close();
    onSelect(option.agentId);
  }

  function submit() {
    const typed = text.trim();
    if (activeOption) {
      choose(activeOption);
      return;
    }
    const exact = options.find(
      (option) => option.agentId === typed || option.name?.toLowerCase() === typed.toLowerCase(),
    );
    if (typed !== '' && (exact ?? options.length === 1)) {
      choose(exact ?? options[0]!);
      return;
    }
    if (typed === '' || options.length > 1) {
      setOpen(true);
      setActive(options.length > 0 ? 0 : -1);
      return;
    }
    setError(
      `No agent matches “${quote(typed)}”, and it is not an agent id (ids have letters, digits, “_” and “-” only).`,
    );
    close();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey || count === 0 ? -1 : 0);
        } else if (count > 0) {
          setActive((active + 1) % count);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(count - 1);
        } else if (count > 0) {
          setActive(active <= 0 ? count - 1 : active - 1);
        }
        break;
      case 'Enter':
        event.preventDefault();
        submit();
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text !== '') {
          event.preventDefault();
          setText('');
          setError(null);
        }
        break;
      default:
        break;
    }
  }

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

  let index = -1;
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
        value={text}
        placeholder="Find an agent by name or id…"
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          setError(null);
          setOpen(true);
          setActive(value.trim() === '' ? -1 : 0);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
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
              {group.options.map((option) => {
                index += 1;
                const optionIndex = index;
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
                    onClick={() => choose(option)}
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
                clear();
                setActive(-1);
                inputRef.current?.focus();
              }}
              className="text-xs font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
            >
              Clear recent agents
            </button>
          </div>
        )}
      </div>
    </div>
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
