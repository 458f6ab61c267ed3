import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_LIFETIME_MS, useToasts } from '../stores/toasts';
import { ToastStack } from './Toasts';

function Stack() {
  return <ToastStack toasts={useToasts((s) => s.toasts)} />;
}
const messages = () => screen.queryAllByTestId('toast').map((t) => t.firstElementChild?.textContent);
const push = (...args: Parameters<ReturnType<typeof useToasts.getState>['push']>) => act(() => void useToasts.getState().push(...args));
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

beforeEach(() => {
  vi.useFakeTimers();
  useToasts.setState({ toasts: [] });
  render(<Stack />);
});
afterEach(() => {
  vi.useRealTimers();
  useToasts.setState({ toasts: [] });
});

describe('toasts', () => {
  it('a success leaves after five seconds', () => {
    push({ tone: 'success', message: 'Image ready: a fox', page: '/image' });
    wait(TOAST_LIFETIME_MS - 100);
    expect(messages()).toEqual(['Image ready: a fox']);
    wait(100);
    expect(messages()).toEqual([]);
  });

  it('waits while the pointer is on it or focus is in it, and then counts on from where it stopped', () => {
    push({ tone: 'info', message: 'Cancelled.', page: '/image' });
    const toast = screen.getByTestId('toast');
    wait(3_000);
    fireEvent.mouseEnter(toast);
    wait(60_000);
    expect(messages()).toEqual(['Cancelled.']);
    fireEvent.mouseLeave(toast);
    fireEvent.focus(screen.getByRole('button', { name: 'Dismiss notification' }));
    wait(60_000);
    expect(messages()).toEqual(['Cancelled.']);
    fireEvent.blur(screen.getByRole('button', { name: 'Dismiss notification' }));
    wait(1_900);
    expect(messages()).toEqual(['Cancelled.']);
    wait(100);
    expect(messages()).toEqual([]);
  });

  it('an error stays on its page and leaves when the person goes to another page', () => {
    push({ tone: 'error', message: 'Google rejected the API key.', page: '/image' });
    wait(60_000);
    expect(messages()).toEqual(['Google rejected the API key.']);
    act(() => useToasts.getState().pageChanged('/image'));
    expect(messages()).toEqual(['Google rejected the API key.']);
    act(() => useToasts.getState().pageChanged('/users'));
    expect(messages()).toEqual([]);
  });

  it('an error leaves when the same page reports a success (its cause is fixed); another page’s success leaves it', () => {
    push({ tone: 'error', message: 'Rate limit reached.', page: '/image' });
    push({ tone: 'success', message: 'Video ready', page: '/video' });
    expect(messages()).toEqual(['Rate limit reached.', 'Video ready']);
    push({ tone: 'success', message: 'Image ready', page: '/image' });
    expect(messages()).toEqual(['Video ready', 'Image ready']);
  });

  it('repeats fold into one toast with a count, and at most three show at once', () => {
    push({ tone: 'success', message: 'Image ready', groupKey: 'done:fox', page: '/image' });
    push({ tone: 'success', message: 'Image ready', groupKey: 'done:fox', page: '/image' });
    expect(messages()).toEqual(['Image ready (×2)']);
    for (const n of [1, 2, 3]) push({ tone: 'info', message: `Note ${n}`, page: '/image' });
    expect(messages()).toEqual(['Note 1', 'Note 2', 'Note 3']);
  });
});
