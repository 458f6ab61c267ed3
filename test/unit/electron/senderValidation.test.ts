import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderLike, transportIdOf } from '../../../src/main/electron/senderValidation';
import { FakeFrame, FakeWebContents } from './fakeElectron';

const APP = 'studio-app://renderer';

function setup() {
  const contents = new FakeWebContents();
  const ours = new Set<SenderLike>([contents]);
  const trust = { appOrigin: APP, isAppWebContents: (s: SenderLike) => ours.has(s) };
  return { contents, trust };
}

describe('isTrustedSender', () => {
  it('trusts the top-level document of our window showing our renderer', () => {
    const { contents, trust } = setup();
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(true);
  });

  it('refuses a message whose frame is gone (null after navigation or destruction)', () => {
    const { contents, trust } = setup();
    expect(isTrustedSender({ sender: contents, senderFrame: null }, trust)).toBe(false);
  });

  it('refuses a detached or destroyed frame (an unloading document)', () => {
    const { contents, trust } = setup();
    contents.mainFrame.detached = true;
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(false);
    contents.mainFrame.detached = false;
    contents.mainFrame.destroyed = true;
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(false);
  });

  it('refuses a subframe, even one showing our own URL', () => {
    const { contents, trust } = setup();
    const iframe = new FakeFrame('studio-app://renderer/index.html', 5, contents.mainFrame);
    expect(isTrustedSender({ sender: contents, senderFrame: iframe }, trust)).toBe(false);
  });

  it('refuses a top-level-looking frame that is not this webContents main frame', () => {
    const { contents, trust } = setup();
    const stray = new FakeFrame('studio-app://renderer/index.html', 99999);
    expect(isTrustedSender({ sender: contents, senderFrame: stray }, trust)).toBe(false);
  });

  it('refuses a webview', () => {
    const { contents, trust } = setup();
    contents.type = 'webview';
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(false);
  });

  it('refuses a webContents the shell did not create', () => {
    const { trust } = setup();
    const foreign = new FakeWebContents();
    expect(isTrustedSender({ sender: foreign, senderFrame: foreign.mainFrame }, trust)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'file:///etc/passwd',
    'studio-app://renderer.evil.com/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,hi',
  ])('refuses our window showing a foreign URL: %s', (url) => {
    const { contents, trust } = setup();
    contents.mainFrame.url = url;
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(false);
  });

  it('refuses a destroyed webContents', () => {
    const { contents, trust } = setup();
    contents.destroyed = true;
    expect(isTrustedSender({ sender: contents, senderFrame: contents.mainFrame }, trust)).toBe(false);
  });

  it('derives the transport id from the webContents id', () => {
    expect(transportIdOf({ id: 7 })).toBe('wc:7');
  });
});
