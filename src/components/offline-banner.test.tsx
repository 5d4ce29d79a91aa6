import { onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineBanner } from './offline-banner';

afterEach(() => {
  act(() => onlineManager.setOnline(true));
});

describe('OfflineBanner', () => {
  it('says nothing while online, says so when offline, and clears when back', () => {
    render(<OfflineBanner />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    act(() => onlineManager.setOnline(false));
    expect(region).toHaveTextContent('You are offline.');
    act(() => onlineManager.setOnline(true));
    expect(region).toBeEmptyDOMElement();
  });
});
