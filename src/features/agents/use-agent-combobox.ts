/**
 * The state of the agent picker's ARIA 1.2 combobox: the text typed, whether the list is open,
 * the active option, the error, and the options grouped (recently opened agents first, then
 * the workspace's agents, filtered by name or id; any valid pasted id even if the list does
 * not have it). Arrows, Enter and Escape follow the combobox pattern.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReadAgent } from '../../../contract/read-agents';
import { isValidId, quote } from '../../lib/view/view';
import { agentsQueries } from './api/agents-queries';
import { useRecentAgents, type RecentAgent } from './recent-agents';

export interface PickerOption {
  key: string;
  /** `id`: an id typed or pasted that is not in the workspace's list. */
  kind: 'recent' | 'agent' | 'id';
  agentId: string;
  name: string | undefined;
  status: string | undefined;
}

export interface PickerGroup {
  label: string;
  options: PickerOption[];
}

function matches(agent: ReadAgent, needle: string): boolean {
  return (
    (agent.agentName ?? '').toLowerCase().includes(needle) ||
    agent.agentId.toLowerCase().includes(needle)
  );
}

function toOption(kind: PickerOption['kind'], agent: ReadAgent): PickerOption {
  return {
    key: `${kind}:${agent.agentId}`,
    kind,
    agentId: agent.agentId,
    name: agent.agentName ?? undefined,
    status: agent.status,
  };
}

/** The options for `text`, in groups. */
function groupOptions(agents: ReadAgent[], recents: RecentAgent[], text: string): PickerGroup[] {
  const needle = text.trim().toLowerCase();
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
}

export function useAgentCombobox({
  agentId,
  onSelect,
}: {
  /** The agent open now. */
  agentId: string | null;
  onSelect: (id: string) => void;
}) {
  const agentsQuery = useQuery(agentsQueries.list());
  const agents = useMemo(() => agentsQuery.data ?? [], [agentsQuery.data]);
  const { recents, remember, clear } = useRecentAgents();

  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);

  // Whatever opens an agent (this picker, a board card, a shared link) makes it recent.
  const currentName = agents.find((agent) => agent.agentId === agentId)?.agentName ?? undefined;
  useEffect(() => {
    if (agentId) remember({ agentId, name: currentName });
  }, [agentId, currentName, remember]);

  const needle = text.trim().toLowerCase();
  const groups = useMemo(() => groupOptions(agents, recents, text), [agents, recents, text]);
  const options = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  const activeOption = open && active >= 0 ? options[active] : undefined;

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

  function onTextChange(value: string) {
    setText(value);
    setError(null);
    setOpen(true);
    setActive(value.trim() === '' ? -1 : 0);
  }

  return {
    agentsQuery,
    agents,
    recents,
    clearRecents: clear,
    text,
    needle,
    open,
    setOpen,
    active,
    setActive,
    activeOption,
    error,
    groups,
    options,
    close,
    choose,
    onKeyDown,
    onTextChange,
  };
}

export type AgentCombobox = ReturnType<typeof useAgentCombobox>;
