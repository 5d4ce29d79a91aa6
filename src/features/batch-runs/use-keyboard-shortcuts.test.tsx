import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isTypingTarget, useKeyboardShortcuts, type Shortcut } from './use-keyboard-shortcuts';

function Harness({ shortcuts, enabled }: { shortcuts: Shortcut[]; enabled?: boolean }) {
  useKeyboardShortcuts(shortcuts, enabled);
  return (
    <div>
      <button type="button">A button</button>
      <label>
        Search <input />
      </label>
      <label>
        Pick <input type="checkbox" />
      </label>
      <label>
        Size{' '}
        <select>
          <option>10</option>
        </select>
      </label>
      <label>
        Note <textarea />
      </label>
      <div contentEditable suppressContentEditableWarning aria-label="Editor" role="textbox">
        text
      </div>
      <dialog open aria-label="Some dialog">
        <button type="button">In dialog</button>
      </dialog>
    </div>
  );
}

function setup(enabled?: boolean) {
  const next = vi.fn();
  const help = vi.fn();
  const inside = vi.fn();
  const shortcuts: Shortcut[] = [
    { keys: ['j'], run: next },
    { keys: ['?'], run: help },
    { keys: ['ArrowDown'], when: () => false, run: inside },
  ];
  const view = render(<Harness shortcuts={shortcuts} enabled={enabled} />);
  // The open dialog in the harness would block everything; it is only for the dialog test.
  const dialog = view.container.querySelector('dialog')!;
  return { next, help, inside, dialog, user: userEvent.setup() };
}

describe('useKeyboardShortcuts', () => {
  it('runs a shortcut from the page and from a button', async () => {
    const { next, help, dialog, user } = setup();
    dialog.remove();
    await user.keyboard('j');
    await user.click(screen.getByRole('button', { name: 'A button' }));
    await user.keyboard('j?');
    expect(next).toHaveBeenCalledTimes(2);
    expect(help).toHaveBeenCalledTimes(1);
  });

  it('fires nothing while typing in a field', async () => {
    const { next, help, dialog, user } = setup();
    dialog.remove();
    for (const field of [
      screen.getByRole('textbox', { name: 'Search' }),
      screen.getByRole('combobox', { name: 'Size' }),
      screen.getByRole('textbox', { name: 'Note' }),
      screen.getByRole('textbox', { name: 'Editor' }),
    ]) {
      field.focus();
      await user.keyboard('j?');
    }
    expect(next).not.toHaveBeenCalled();
    expect(help).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('j?');
  });

  it('still works from a checkbox, which takes no text', async () => {
    const { next, dialog, user } = setup();
    dialog.remove();
    screen.getByRole('checkbox', { name: 'Pick' }).focus();
    await user.keyboard('j');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl, Meta and Alt combinations to the browser', async () => {
    const { next, dialog, user } = setup();
    dialog.remove();
    await user.keyboard('{Control>}j{/Control}{Meta>}j{/Meta}{Alt>}j{/Alt}');
    expect(next).not.toHaveBeenCalled();
  });

  it('respects a shortcut’s condition, and can be switched off', async () => {
    const { inside, dialog, user } = setup();
    dialog.remove();
    await user.keyboard('{ArrowDown}');
    expect(inside).not.toHaveBeenCalled();

    const off = setup(false);
    off.dialog.remove();
    await off.user.keyboard('j');
    expect(off.next).not.toHaveBeenCalled();
  });

  it('is quiet while a dialog is open', async () => {
    const { next, user } = setup();
    screen.getByRole('button', { name: 'In dialog' }).focus();
    await user.keyboard('j');
    expect(next).not.toHaveBeenCalled();
  });
});

describe('isTypingTarget', () => {
  it('tells text fields from other controls', () => {
    const make = (html: string) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      return host.firstElementChild;
    };
    expect(isTypingTarget(make('<input type="search">'))).toBe(true);
    expect(isTypingTarget(make('<input type="number">'))).toBe(true);
    expect(isTypingTarget(make('<input type="radio">'))).toBe(false);
    expect(isTypingTarget(make('<button>b</button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
