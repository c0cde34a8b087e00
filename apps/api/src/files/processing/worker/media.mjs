// Previews of images (sharp) and video (a frame taken by ffmpeg when it is installed).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { onPath, run } from './commands.mjs';
import { MAX_INPUT_PIXELS, PREVIEW_SIZE, Unreadable } from './limits.mjs';

/** A thumbnail turned upright by its EXIF orientation, at most PREVIEW_SIZE on its longer side. */
export async function imagePreview(input) {
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp()
      .toBuffer();
  } catch (err) {
    if (/pixel limit/i.test(err.message))
      throw new Unreadable('The image is too large to preview (over 100 megapixels).');
    throw new Unreadable('The image could not be read: it is damaged or of a kind not supported.');
  }
}

/** A frame one second in (or the first, for shorter clips), or null without ffmpeg. */
export async function videoPreview(file, timeoutMs) {
  const ffmpeg = onPath('ffmpeg');
  if (!ffmpeg) return null;
  const dir = await mkdtemp(path.join(tmpdir(), 'iuc-ffmpeg-'));
  try {
    const frame = path.join(dir, 'frame.png');
    const grab = async (at) => {
      const args = [
        '-nostdin',
        '-v',
        'error',
        '-ss',
        at,
        '-i',
        file,
        '-frames:v',
        '1',
        '-y',
        frame,
      ];
      await run(ffmpeg, args, timeoutMs);
      return readFile(frame);
    };
    return await imagePreview(await grab('1').catch(() => grab('0')));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
