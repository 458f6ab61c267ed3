import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import './support/window';
import sharp from 'sharp';
import { expect, test } from './support/harness';
import { seedPeople, signIn } from './support/people';

/**
 * An imported image travels as bytes (docs/media.md): the page reads the picked file as an
 * ArrayBuffer and sends a Uint8Array; the harness's HTTP transport encodes it and decodes it back
 * before the router, as Electron's IPC would hand it over. What is stored must be the very file.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a picked image is stored byte for byte: the file on disk and the one served back hash like the original', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(90_000);
  // noise does not compress: a PNG of several megabytes, far more than one encoding chunk
  const width = 1600;
  const height = 1200;
  const picked = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  expect(picked.length).toBeGreaterThan(5 * 1024 * 1024);

  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');
  const answer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/__studio/request' && response.request().postData()?.includes('"route":"media.import"') === true,
  );
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'noise.png', mimeType: 'image/png', buffer: picked });
  const envelope = (await (await answer).json()) as { ok: boolean; data: { id: string; width: number; height: number; mimeType: string } };
  expect(envelope).toMatchObject({ ok: true, data: { width, height, mimeType: 'image/png' } });
  await expect(page.getByRole('button', { name: 'Remove noise.png' })).toBeVisible();

  // the stored original, read from the data folder
  const mediaDir = path.join(harness.dataDir, 'media');
  const stored = fs
    .readdirSync(mediaDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === `${envelope.data.id}.png`)
    .map((entry) => path.join(entry.parentPath, entry.name));
  expect(stored).toHaveLength(1);
  expect(sha256(fs.readFileSync(stored[0]!))).toBe(sha256(picked));

  // and the same bytes served back to the signed-in page
  const served = await page.evaluate(async (id) => {
    const response = await fetch(`/media/${id}/original`);
    const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }, envelope.data.id);
  expect(served).toBe(sha256(picked));
});
