import { Readable } from 'node:stream';
import { isBlurhashValid } from 'blurhash';
import sharp from 'sharp';
import { type ImageOptions, ImageRejectedError, processImage } from '../../src/service/files';

const OPTIONS: ImageOptions = {
  maxDimension: 2000,
  format: 'jpeg',
  thumbnailSize: 320,
  stripMetadata: true,
  maxInputPixels: 100_000_000,
};
const streamOf = (data: Buffer) => Readable.from([data]);
const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#4080c0' } });

/** A JPEG with camera EXIF, GPS coordinates and orientation 6 (shown rotated 90° clockwise). */
const cameraPhoto = () =>
  blank(100, 50)
    .withExif({
      IFD0: { Make: 'Acme', Model: 'Snap 3', Software: 'firmware 1.2' },
      IFD2: { DateTimeOriginal: '2024:05:01 12:00:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 3/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

/** The GPS IFD pointer tag (0x8825, type LONG) as sharp writes it (little-endian). */
const GPS_POINTER = Buffer.from([0x25, 0x88, 0x04, 0x00]);

describe('processImage', () => {
  it('applies the orientation, then strips EXIF and GPS from every output', async () => {
    const photo = await cameraPhoto();
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes(GPS_POINTER)).toBe(true);

    const result = await processImage(streamOf(photo), OPTIONS);

    expect(result.original).toEqual({ width: 50, height: 100 });
    expect(result.main).toMatchObject({ width: 50, height: 100, contentType: 'image/jpeg' });
    for (const variant of [result.main, result.thumbnail]) {
      const metadata = await sharp(variant.data).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(metadata.width).toBeLessThan(metadata.height);
    }
  });

  it('keeps EXIF in the main variant when asked, with the orientation applied', async () => {
    const result = await processImage(streamOf(await cameraPhoto()), { ...OPTIONS, stripMetadata: false });
    const main = await sharp(result.main.data).metadata();
    expect(main.exif?.includes(GPS_POINTER)).toBe(true);
    expect(main.orientation ?? 1).toBe(1);
    expect([main.width, main.height]).toEqual([50, 100]);
    expect((await sharp(result.thumbnail.data).metadata()).exif).toBeUndefined();
  });

  it('shrinks a large picture to a progressive JPEG, a thumbnail and a blurhash', async () => {
    const input = await blank(4000, 3000).png({ compressionLevel: 1 }).toBuffer();
    const result = await processImage(streamOf(input), OPTIONS);

    expect(result.original).toEqual({ width: 4000, height: 3000 });
    expect(result.main).toMatchObject({ width: 2000, height: 1500, contentType: 'image/jpeg' });
    expect(result.main.size).toBe(result.main.data.length);
    const main = await sharp(result.main.data).metadata();
    expect(main).toMatchObject({ format: 'jpeg', width: 2000, height: 1500, isProgressive: true });
    expect(result.thumbnail).toMatchObject({ width: 320, height: 240, contentType: 'image/jpeg' });
    expect(isBlurhashValid(result.blurhash)).toEqual({ result: true });
  });

  it('writes WebP when asked', async () => {
    const input = await blank(4000, 3000).jpeg().toBuffer();
    const result = await processImage(streamOf(input), { ...OPTIONS, format: 'webp' });
    expect(result.main).toMatchObject({ width: 2000, height: 1500, contentType: 'image/webp' });
    expect(result.thumbnail.contentType).toBe('image/webp');
    expect((await sharp(result.main.data).metadata()).format).toBe('webp');
    expect((await sharp(result.thumbnail.data).metadata()).format).toBe('webp');
  });

  it('never enlarges a small picture', async () => {
    const result = await processImage(streamOf(await blank(100, 80).png().toBuffer()), OPTIONS);
    expect(result.main).toMatchObject({ width: 100, height: 80 });
    expect(result.thumbnail).toMatchObject({ width: 100, height: 80 });
    expect(isBlurhashValid(result.blurhash).result).toBe(true);
  });

  it('flattens transparency for JPEG and handles grey and tall pictures', async () => {
    const transparent = await sharp({
      create: { width: 40, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const result = await processImage(streamOf(transparent), OPTIONS);
    const { data } = await sharp(result.main.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(250);
    expect(isBlurhashValid(result.blurhash).result).toBe(true);

    const grey = await blank(64, 64).toColourspace('b-w').jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const greyResult = await processImage(streamOf(grey), { ...OPTIONS, format: 'webp' });
    expect(isBlurhashValid(greyResult.blurhash).result).toBe(true);
  });

  it('keeps only the first frame of an animation', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 30, height: 20, channels: 3, background } })
        .png()
        .toBuffer();
    const frames = [await frame('#ff0000'), await frame('#00ff00'), await frame('#0000ff')];
    for (const format of ['gif', 'webp'] as const) {
      const animation = await sharp(frames, { join: { animated: true } })
        .toFormat(format)
        .toBuffer();
      expect((await sharp(animation).metadata()).pages).toBe(3);
      const result = await processImage(streamOf(animation), { ...OPTIONS, format: 'webp' });
      expect(result.original).toEqual({ width: 30, height: 20 });
      expect(result.main).toMatchObject({ width: 30, height: 20 });
      const main = sharp(result.main.data);
      expect((await main.metadata()).pages).toBeUndefined();
      const { data } = await main.raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(200);
      expect(data[2]).toBeLessThan(60);
    }
  });

  it('rejects a picture with more pixels than allowed', async () => {
    const input = await blank(200, 100).png().toBuffer();
    await expect(processImage(streamOf(input), { ...OPTIONS, maxInputPixels: 19_999 })).rejects.toThrow(
      ImageRejectedError,
    );
    await expect(
      processImage(streamOf(input), { ...OPTIONS, maxInputPixels: 20_000 }),
    ).resolves.toBeDefined();
  });

  it('rejects bytes that are not an image it takes', async () => {
    const garbage = Buffer.from('definitely not an image, just some bytes \x00\x01\x02');
    await expect(processImage(streamOf(garbage), OPTIONS)).rejects.toThrow(ImageRejectedError);
    const truncated = (await blank(400, 300).jpeg().toBuffer()).subarray(0, 600);
    await expect(processImage(streamOf(truncated), OPTIONS)).rejects.toThrow(ImageRejectedError);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(processImage(streamOf(svg), OPTIONS)).rejects.toThrow(/svg images are not accepted/);
    const tiff = await blank(10, 10).tiff().toBuffer();
    await expect(processImage(streamOf(tiff), OPTIONS)).rejects.toThrow(ImageRejectedError);
  });

  it('passes on an error of the input stream as it is', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('storage went away'));
      },
    });
    const error = await processImage(failing, OPTIONS).catch((caught: unknown) => caught);
    expect(error).toEqual(new Error('storage went away'));
    expect(error).not.toBeInstanceOf(ImageRejectedError);
  });
});
