import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPicker } from './agent-picker';
import { MAX_RECENT_AGENTS, RECENT_AGENTS_KEY } from './recent-agents';

const AGENTS = [
  { agentId: 'agent_D5D0p7TUs66TTAEAx', agentName: 'New AI Agent', status: 'Live' },
  { agentId: 'agent_X3mHc7YtPq0WfJs5n', agentName: 'Collections Reminder Line', status: 'active' },
  {
    agentId: 'agent_C9hVd4XsLp7QjFt2b',
    agentName: 'Collections Reminder Line (ES)',
    status: 'Testing',
  },
].map((agent) => ({ ...agent, webhookSecret: `whsec_${agent.agentId}`, voice: 'Rachel' }));

/** Serves the agents two per page, so the picker has to walk the pages. */
function serveAgents() {
  const pages: string[] = [];
  server.use(
    http.get('*/v1/agents', ({ request }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page'));
      pages.push(String(page));
      const size = 2;
      const data = AGENTS.slice(page * size, page * size + size);
      const totalPages = Math.ceil(AGENTS.length / size);
      return HttpResponse.json({
        data,
        page,
        size,
        totalCount: AGENTS.length,
        totalPages,
        hasNext: page + 1 < totalPages,
        hasPrevious: page > 0,
      });
    }),
  );
  return pages;
}

function setup(agentId: string | null = null) {
  const onSelect = vi.fn();
  const user = userEvent.setup();
  const result = renderWithProviders(<AgentPicker agentId={agentId} onSelect={onSelect} />);
  const input = screen.getByRole('combobox', { name: 'Find an agent by name or id' });
  return { ...result, onSelect, user, input };
}

function stored(): unknown[] {
  return JSON.parse(window.localStorage.getItem(RECENT_AGENTS_KEY) ?? '[]') as unknown[];
}

function activeOption(input: HTMLElement) {
  const id = input.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

beforeEach(() => {
  window.localStorage.clear();
});

describe('AgentPicker', () => {
  it('lists every page of agents with their status, and never their secret settings', async () => {
    const pages = serveAgents();
    const { user, input } = setup();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    const listbox = screen.getByRole('listbox', { hidden: true });
    expect(input).toHaveAttribute('aria-controls', listbox.id);

    await user.click(input);
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(
      await screen.findByRole('option', { name: /Collections Reminder Line \(ES\)/ }),
    ).toBeVisible();
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(pages).toEqual(['0', '1']);
    const option = screen.getByRole('option', { name: /New AI Agent/ });
    expect(within(option).getByText('Live')).toBeInTheDocument();
    expect(within(option).getByText('agent_D5D0p7TUs66TTAEAx')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('whsec_');
  });

  it('filters by name or id as you type and opens the highlighted agent with Enter', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await user.click(input);
    await screen.findByRole('option', { name: /New AI Agent/ });

    await user.type(input, 'collect');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    // The first match is highlighted as you type.
    expect(activeOption(input)).toHaveTextContent('Collections Reminder Line');
    expect(activeOption(input)).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    expect(activeOption(input)).toHaveTextContent('Collections Reminder Line (ES)');
    await user.keyboard('{ArrowDown}'); // wraps to the first
    expect(activeOption(input)).toHaveTextContent(/^Collections Reminder Line(?! \()/);
    await user.keyboard('{ArrowUp}');
    expect(activeOption(input)).toHaveTextContent('(ES)');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('agent_C9hVd4XsLp7QjFt2b');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('');

    await user.type(input, 'x3mhc7');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('agent_X3mHc7YtPq0WfJs5n');
  });

  it('closes with Escape, then clears the text with a second Escape', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await user.type(input, 'new');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(input).toHaveValue('new');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('opens with the arrow keys and picks with the mouse', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await screen.findByRole('option', { name: /New AI Agent/, hidden: true });
    input.focus();
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(activeOption(input)).toHaveTextContent('New AI Agent');
    await user.keyboard('{Escape}{ArrowUp}');
    expect(activeOption(input)).toHaveTextContent('(ES)');
    await user.click(screen.getByRole('option', { name: /agent_X3mHc7YtPq0WfJs5n/ }));
    expect(onSelect).toHaveBeenCalledWith('agent_X3mHc7YtPq0WfJs5n');
  });

  it('opens a pasted id that is not in the list', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await user.click(input);
    await screen.findByRole('option', { name: /New AI Agent/ });
    await user.paste('  agent_NotInTheList123 ');
    const option = screen.getByRole('option', { name: /Open agent id agent_NotInTheList123/ });
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('agent_NotInTheList123');
  });

  it('explains, inline, text that matches no agent and is not an id', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await user.click(input);
    await screen.findByRole('option', { name: /New AI Agent/ });
    await user.paste('<b>not an id</b>');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText(/No agent’s name or id contains/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'No agent matches “<b>not an id</b>”, and it is not an agent id (ids have letters, digits, “_” and “-” only).',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(alert.textContent);
    expect(onSelect).not.toHaveBeenCalled();
    expect(document.querySelector('b')).toBeNull();
  });

  it('still opens a pasted id when the agent list cannot be loaded', async () => {
    server.use(
      http.get('*/v1/agents', () => HttpResponse.json({ message: 'down' }, { status: 503 })),
    );
    const { user, input, onSelect } = setup();
    await user.click(input);
    expect(await screen.findByText(/Could not load the agent list/)).toBeInTheDocument();
    await user.type(input, 'agent_D5D0p7TUs66TTAEAx{Enter}');
    expect(onSelect).toHaveBeenCalledWith('agent_D5D0p7TUs66TTAEAx');
  });

  it('remembers recently opened agents, newest first, and clears them', async () => {
    serveAgents();
    const { user, input, onSelect } = setup();
    await user.click(input);
    await user.click(await screen.findByRole('option', { name: /New AI Agent/ }));
    await user.type(input, 'agent_Pasted1{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(2);

    await user.click(input);
    const recent = screen.getByRole('group', { name: 'Recent' });
    const names = within(recent)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(names).toEqual([
      expect.stringContaining('agent_Pasted1'),
      expect.stringContaining('New AI Agent'),
    ]);
    expect(stored()).toEqual([
      { agentId: 'agent_Pasted1' },
      { agentId: 'agent_D5D0p7TUs66TTAEAx', name: 'New AI Agent' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Clear recent agents' }));
    expect(screen.queryByRole('group', { name: 'Recent' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem(RECENT_AGENTS_KEY)).toBeNull();
    expect(input).toHaveFocus();
  });

  it('records the agent the page opens and keeps at most a handful', async () => {
    serveAgents();
    const old = Array.from({ length: 12 }, (_, index) => ({ agentId: `agent_old${index}` }));
    window.localStorage.setItem(RECENT_AGENTS_KEY, JSON.stringify(old));
    const { user, input } = setup('agent_X3mHc7YtPq0WfJs5n');
    await waitFor(() =>
      expect(stored()[0]).toEqual({
        agentId: 'agent_X3mHc7YtPq0WfJs5n',
        name: 'Collections Reminder Line',
      }),
    );
    expect(stored()).toHaveLength(MAX_RECENT_AGENTS);
    await user.click(input);
    expect(
      within(screen.getByRole('group', { name: 'Recent' })).getAllByRole('option'),
    ).toHaveLength(MAX_RECENT_AGENTS);
  });

  it('survives bad JSON and a storage that throws', async () => {
    serveAgents();
    window.localStorage.setItem(RECENT_AGENTS_KEY, '{not json');
    const first = setup();
    await first.user.click(first.input);
    await screen.findByRole('option', { name: /New AI Agent/ });
    expect(screen.queryByRole('group', { name: 'Recent' })).not.toBeInTheDocument();
    first.unmount();

    window.localStorage.setItem(
      RECENT_AGENTS_KEY,
      JSON.stringify([{ agentId: '<script>' }, 42, { agentId: 'agent_ok', name: 'Kept' }]),
    );
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { user, input, onSelect } = setup();
    await user.click(input);
    const recent = await screen.findByRole('group', { name: 'Recent' });
    expect(within(recent).getAllByRole('option')).toHaveLength(1);
    expect(within(recent).getByRole('option')).toHaveTextContent('Kept');
    await user.click(screen.getByRole('option', { name: /New AI Agent/ }));
    expect(onSelect).toHaveBeenCalledWith('agent_D5D0p7TUs66TTAEAx');
  });
});
